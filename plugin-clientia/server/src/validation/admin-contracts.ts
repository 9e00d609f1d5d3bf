import { CONTRACT_FILE_FIELD } from '../../../shared/contracts/admin-contracts';
import { fieldError } from '../domain/errors';
import type { ReceivedFile } from './portal-documents';

/** The one file of a contract PDF upload, in the field `file`; its content is checked when it is read. */
export const receivedContractFile = (files: Record<string, unknown> | undefined): ReceivedFile => {
  const unknown = Object.keys(files ?? {}).filter((key) => key !== CONTRACT_FILE_FIELD);
  if (unknown.length) throw fieldError(unknown[0]!, `is not accepted here; send the PDF in the field ${CONTRACT_FILE_FIELD}`);
  const value = files?.[CONTRACT_FILE_FIELD];
  if (Array.isArray(value)) throw fieldError(CONTRACT_FILE_FIELD, 'send one PDF per upload');
  if (!value || typeof (value as ReceivedFile).filepath !== 'string') {
    throw fieldError(CONTRACT_FILE_FIELD, `is required: send the contract PDF as multipart/form-data in the field ${CONTRACT_FILE_FIELD}`);
  }
  return value as ReceivedFile;
};
