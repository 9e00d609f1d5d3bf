import { DEFAULT_DOCUMENT_FOLDER } from '../../../shared/contracts/admin-documents';
import { DOCUMENT_TITLE_MAX, UPLOAD_MAX_BYTES } from '../../../shared/contracts/portal-documents';

/**
 * The largest file a contact may upload (declared with the upload's contract). A constant until
 * the plugin's config carries it; the body parser's own limit (formidable's 200 MB) is higher, so
 * this is the one that applies.
 */
export const MAX_UPLOAD_BYTES = UPLOAD_MAX_BYTES;

export const MAX_TITLE_LENGTH = DOCUMENT_TITLE_MAX;
export const MAX_FILE_NAME_LENGTH = 255;
export const DEFAULT_FOLDER = DEFAULT_DOCUMENT_FOLDER;
