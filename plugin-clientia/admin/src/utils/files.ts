import { ACCEPTED_FILE_EXTENSIONS } from '../../../shared/contracts/admin-documents';
import { UPLOAD_MAX_BYTES } from '../../../shared/contracts/portal-documents';

const MiB = 1024 * 1024;

/** The file picker's `accept`: the names the server takes. */
export const ACCEPTED_FILES = ACCEPTED_FILE_EXTENSIONS.map((extension) => `.${extension}`).join(',');

/** Megabytes as the firm reads them in limits (25 MiB shows as 25). */
export const megabytes = (bytes: number) => Math.round(bytes / MiB);

export const UPLOAD_MAX_MB = megabytes(UPLOAD_MAX_BYTES);

export type FileProblem = 'tooLarge' | 'wrongType' | 'empty';

const extensionOf = (name: string) => /\.([A-Za-z0-9]{1,10})$/.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * What the panel can tell before sending a file: too large, empty, or a name the server does not
 * take. The server still checks the content; this only spares a pointless upload.
 */
export const fileProblem = (file: File): FileProblem | null => {
  if (file.size > UPLOAD_MAX_BYTES) return 'tooLarge';
  if (file.size === 0) return 'empty';
  if (!(ACCEPTED_FILE_EXTENSIONS as readonly string[]).includes(extensionOf(file.name))) return 'wrongType';
  return null;
};
