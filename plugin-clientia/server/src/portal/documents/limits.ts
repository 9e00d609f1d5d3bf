/**
 * The largest file a contact may upload. A constant until the plugin's config carries it; the
 * body parser's own limit (formidable's 200 MB) is higher, so this is the one that applies.
 */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

export const MAX_TITLE_LENGTH = 300;
export const MAX_FOLDER_LENGTH = 200;
export const MAX_FILE_NAME_LENGTH = 255;
export const DEFAULT_FOLDER = 'General';
