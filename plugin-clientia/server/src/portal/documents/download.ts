import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { UID } from '../../rules/helpers';
import { text } from '../../serializers/values';
import { records } from '../../services/records';
import type { PortalContext } from '../context';
import { sharedWith } from './list';
import { openStoredFile } from './storage';

const NO_FILE = 'This document has no file yet';

/** RFC 5987 encoding for `filename*`: what encodeURIComponent leaves alone but the header grammar does not allow. */
const encodeFileName = (name: string) => encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export const contentDisposition = (fileName: string) => `attachment; filename*=UTF-8''${encodeFileName(fileName)}`;

/** Text is always stored as validated UTF-8; say so, so a browser never guesses. */
export const contentType = (mimeType: string) => (mimeType.startsWith('text/') ? `${mimeType}; charset=utf-8` : mimeType);

/** Headers of every private download: an attachment no browser renders inline, sniffs or caches. */
export const downloadHeaders = (fileName: string, mimeType: string, size: number) => ({
  'Content-Type': contentType(mimeType || 'application/octet-stream'),
  'Content-Length': String(size),
  'Content-Disposition': contentDisposition(fileName),
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'private, no-store',
});

/**
 * The stored file of one of the client's shared documents. A foreign, missing or internal
 * document is the same 404, so a contact cannot learn that it exists.
 */
export const openDocumentFile = async (strapi: Core.Strapi, portal: PortalContext, documentId: string) => {
  const row = await records(strapi, UID.document).findOne({
    select: ['id', 'storageKey', 'fileName', 'mimeType'],
    where: { ...sharedWith(strapi, portal), documentId },
  });
  if (!row) throw new errors.NotFoundError('Document not found');
  const storageKey = text(row.storageKey);
  const file = storageKey ? await openStoredFile(strapi, storageKey) : null;
  if (!file) {
    if (storageKey) strapi.log.warn(`Clientia: the stored file of document ${documentId} is missing from private storage`);
    throw new errors.NotFoundError(NO_FILE);
  }
  return {
    stream: file.stream,
    headers: downloadHeaders(text(row.fileName) || 'document', text(row.mimeType), file.size),
  };
};
