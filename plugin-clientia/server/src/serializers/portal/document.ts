import type { PortalDocument } from '../../../../shared/contracts/portal-documents';
import { DEFAULT_FOLDER } from '../../storage/limits';
import { assertClientSafe } from '../client-safe';
import { isoDateTime, numberOrNull, text, textOrNull, wholeNumber, type Row } from '../../repositories/rows';
import { UID } from '../../constants';

export const PORTAL_DOCUMENT_FIELDS = assertClientSafe(UID.document, [
  'id',
  'documentId',
  'title',
  'folder',
  'version',
  'size',
  'mimeType',
  'fileName',
  'sha256',
  'updatedAt',
]);

/** A document without a folder sits where the schema's default would have put it. */
export const folderOf = (row: Row) => textOrNull(row.folder)?.trim() || DEFAULT_FOLDER;

/** `uploadedBy` is decided by the caller: 'firm', or the uploading contact's name in this client. */
export const serializePortalDocument = (row: Row, uploadedBy: string): PortalDocument => ({
  documentId: text(row.documentId),
  title: text(row.title),
  folder: folderOf(row),
  version: wholeNumber(row.version) || 1,
  size: numberOrNull(row.size),
  mimeType: textOrNull(row.mimeType),
  fileName: textOrNull(row.fileName),
  sha256: textOrNull(row.sha256),
  updatedAt: isoDateTime(row.updatedAt) ?? '',
  uploadedBy,
});
