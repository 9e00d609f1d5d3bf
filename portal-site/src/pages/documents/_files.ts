/**
 * What the document upload and the message forms share: the files the firm accepts, the size
 * limit, and reading the chosen files from a posted form.
 */
import type { MessageKey } from '../../lib/i18n';
import { UPLOAD_MAX_BYTES } from '@clientia/shared/contracts/portal-documents';

/** Mirrors the portal API's limit (portal-documents.ts, portal-threads.ts): 25 MiB per upload. */
export const MAX_UPLOAD_BYTES = UPLOAD_MAX_BYTES;

/**
 * Multipart framing and the text fields add a little to the files themselves; a request larger
 * than this cannot be within the limit, so it is refused before its body is read.
 */
const FORM_OVERHEAD_BYTES = 1024 * 1024;

/**
 * The extensions the portal API accepts (it checks the content and that the extension matches).
 * The file picker offers only these; the server still decides.
 */
export const ACCEPTED_FILES = ['.pdf', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.txt', '.csv', '.docx', '.xlsx', '.pptx'].join(',');

const OOXML = 'application/vnd.openxmlformats-officedocument';

const TYPE_LABELS: Record<string, MessageKey> = {
  'application/pdf': 'documents.type.pdf',
  'image/png': 'documents.type.png',
  'image/jpeg': 'documents.type.jpeg',
  'image/gif': 'documents.type.gif',
  'image/webp': 'documents.type.webp',
  'text/plain': 'documents.type.text',
  'text/csv': 'documents.type.csv',
  [`${OOXML}.wordprocessingml.document`]: 'documents.type.docx',
  [`${OOXML}.spreadsheetml.sheet`]: 'documents.type.xlsx',
  [`${OOXML}.presentationml.presentation`]: 'documents.type.pptx',
};

/** The words for a stored file's type; null for a type without a friendly name (shown as is). */
export const fileTypeLabel = (mimeType: string | null): MessageKey | null =>
  mimeType ? (TYPE_LABELS[mimeType.split(';')[0]!.trim().toLowerCase()] ?? null) : null;

/**
 * The files chosen in a file field. A browser sends an empty part without a name when nothing was
 * chosen; that is no file. An empty file the contact did choose is kept, so the API can say so.
 */
export const chosenFiles = (form: FormData, name: string): File[] =>
  form.getAll(name).filter((value): value is File => value instanceof File && value.name !== '');

/** True when the request announces a body that cannot hold files within the limit. */
export const announcesTooLarge = (request: Request, limit = MAX_UPLOAD_BYTES) => {
  const length = Number(request.headers.get('content-length'));
  return Number.isFinite(length) && length > limit + FORM_OVERHEAD_BYTES;
};
