import { UPLOAD_FILE_FIELD } from '../../../shared/contracts/portal-documents';
import { receivedOne, type ReceivedFile } from './parse';

export type { ReceivedFile };

/** The one file of a document upload, in the field `file`; its content is checked when it is read. */
export const receivedDocumentFile = (files: Record<string, unknown> | undefined): ReceivedFile =>
  receivedOne(files, UPLOAD_FILE_FIELD, 'file', 'document');
