import { readFile } from 'node:fs/promises';

import { errors } from '@strapi/utils';

import { UPLOAD_FILE_FIELD } from '../../../shared/contracts/portal-documents';
import { fieldError } from '../domain/errors';
import type { AcceptedFile } from './attachments';
import { checkFileType } from './file-type';
import { MAX_TITLE_LENGTH, MAX_UPLOAD_BYTES } from './limits';
import { cleanFileName, type ReceivedFile } from './received-files';

const MiB = 1024 * 1024;

/** A document without a title of its own is called after its file, without the extension. */
export const titleFromFileName = (fileName: string) => (fileName.replace(/\.[^.]*$/, '').trim() || fileName).slice(0, MAX_TITLE_LENGTH);

const tooLarge = () =>
  new errors.PayloadTooLargeError(`${UPLOAD_FILE_FIELD}: must be at most ${MAX_UPLOAD_BYTES / MiB} MiB`, {
    errors: [{ path: [UPLOAD_FILE_FIELD], message: `must be at most ${MAX_UPLOAD_BYTES / MiB} MiB`, name: 'ValidationError' }],
  });

/**
 * The one file of a document upload, read and checked: within the size limit (as declared by the
 * parser and as read), not empty, and by content one of the accepted types under a name that says
 * so. The same checks for a contact's upload and a staff member's; nothing is stored here.
 */
export const acceptDocumentFile = async (received: ReceivedFile): Promise<AcceptedFile> => {
  if (received.size > MAX_UPLOAD_BYTES) throw tooLarge();
  const fileName = cleanFileName(received.originalFilename);
  const bytes = await readFile(received.filepath);
  if (bytes.length > MAX_UPLOAD_BYTES) throw tooLarge();
  if (bytes.length === 0) throw fieldError(UPLOAD_FILE_FIELD, 'is empty');
  return { fileName, mimeType: checkFileType(bytes, fileName), bytes };
};
