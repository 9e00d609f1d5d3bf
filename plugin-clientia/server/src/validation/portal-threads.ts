import { ATTACHMENTS_FIELD, MAX_ATTACHMENTS } from '../../../shared/contracts/portal-threads';
import { fieldError } from '../domain/errors';
import type { ReceivedFile } from './portal-documents';

/**
 * The files of a message sent as multipart/form-data: at most five, in the field `files`. Their
 * sizes and content are checked when they are read.
 */
export const receivedAttachments = (files: Record<string, unknown> | undefined): ReceivedFile[] => {
  const unknown = Object.keys(files ?? {}).filter((key) => key !== ATTACHMENTS_FIELD);
  if (unknown.length) throw fieldError(unknown[0]!, `is not accepted here; send files in the field ${ATTACHMENTS_FIELD}`);
  const value = files?.[ATTACHMENTS_FIELD];
  if (value === undefined) return [];
  const received = (Array.isArray(value) ? value : [value]) as Partial<ReceivedFile>[];
  if (received.some((file) => typeof file?.filepath !== 'string')) throw fieldError(ATTACHMENTS_FIELD, 'must be files sent as multipart/form-data');
  if (received.length > MAX_ATTACHMENTS) throw fieldError(ATTACHMENTS_FIELD, `at most ${MAX_ATTACHMENTS} files per message`);
  return received as ReceivedFile[];
};
