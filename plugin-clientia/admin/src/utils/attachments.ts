import { ATTACHMENTS_MAX_BYTES, MAX_ATTACHMENTS } from '../../../shared/contracts/portal-threads';
import { fileProblem, megabytes, type FileProblem } from './files';

export const ATTACHMENTS_MAX_MB = megabytes(ATTACHMENTS_MAX_BYTES);

export type AttachmentsProblem = { kind: 'tooMany' } | { kind: 'tooLarge' } | { kind: 'file'; name: string; problem: FileProblem };

/**
 * What the panel can tell about a message's files before sending: the server's limits (how many,
 * how large together) and each file's own. The server still checks every file's content.
 */
export const attachmentsProblem = (files: readonly File[]): AttachmentsProblem | null => {
  if (files.length > MAX_ATTACHMENTS) return { kind: 'tooMany' };
  if (files.reduce((sum, file) => sum + file.size, 0) > ATTACHMENTS_MAX_BYTES) return { kind: 'tooLarge' };
  for (const file of files) {
    const problem = fileProblem(file);
    if (problem) return { kind: 'file', name: file.name, problem };
  }
  return null;
};
