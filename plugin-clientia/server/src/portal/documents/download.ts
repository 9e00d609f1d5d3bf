import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../constants';
import { text } from '../../repositories/rows';
import { records } from '../../repositories/records';
import type { PortalContext } from '../context';
import { sharedWith } from './list';
import { openPrivateFile } from '../../storage/private-files';
import { downloadHeaders } from '../../http/downloads';

const NO_FILE = 'This document has no file yet';
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
  const file = storageKey ? await openPrivateFile(strapi, storageKey) : null;
  if (!file) {
    if (storageKey) strapi.log.warn(`Clientia: the stored file of document ${documentId} is missing from private storage`);
    throw new errors.NotFoundError(NO_FILE);
  }
  return {
    stream: file.stream,
    headers: downloadHeaders(text(row.fileName) || 'document', text(row.mimeType), file.size),
  };
};
