import { UPLOAD_FILE_FIELD } from '../../../shared/contracts/portal-documents';
import { fieldError } from '../domain/errors';

/** A file as Koa's body parser (formidable) leaves it in a temporary directory. */
export interface ReceivedFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

/** The one file of a document upload, in the field `file`; its content is checked when it is read. */
export const receivedDocumentFile = (files: Record<string, unknown> | undefined): ReceivedFile => {
  const unknown = Object.keys(files ?? {}).filter((key) => key !== UPLOAD_FILE_FIELD);
  if (unknown.length) throw fieldError(unknown[0]!, `is not accepted here; send the file in the field ${UPLOAD_FILE_FIELD}`);
  const value = files?.[UPLOAD_FILE_FIELD];
  if (Array.isArray(value)) throw fieldError(UPLOAD_FILE_FIELD, 'send one file per upload');
  if (!value || typeof (value as ReceivedFile).filepath !== 'string') {
    throw fieldError(UPLOAD_FILE_FIELD, `is required: send the document as multipart/form-data in the field ${UPLOAD_FILE_FIELD}`);
  }
  return value as ReceivedFile;
};
