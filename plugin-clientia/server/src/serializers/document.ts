import type { ClientOverview, PortalPreview } from '../../../shared/contracts/admin';
import { assertClientSafe } from './client-safe';
import { isoDateTime, numberOrNull, text, wholeNumber, type Row } from '../repositories/rows';
import { UID } from '../constants';

export const DOCUMENT_FIELDS = ['id', 'documentId', 'title', 'folder', 'visibility', 'version', 'size', 'updatedAt'] as const;

export const serializeDocument = (row: Row): ClientOverview['documents'][number] => ({
  documentId: text(row.documentId),
  title: text(row.title),
  folder: text(row.folder),
  visibility: text(row.visibility) as 'shared' | 'internal',
  version: wholeNumber(row.version) || 1,
  size: numberOrNull(row.size),
  updatedAt: isoDateTime(row.updatedAt) ?? '',
});

export const documentPreview = {
  uid: UID.document,
  fields: assertClientSafe(UID.document, ['id', 'title', 'folder', 'version']),
  serialize: (row: Row): PortalPreview['documents'][number] => ({
    title: text(row.title),
    folder: text(row.folder),
    version: wholeNumber(row.version) || 1,
  }),
} as const;
