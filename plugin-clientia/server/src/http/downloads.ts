import type { FileStream } from '../storage/media-files';

/** What a download route sets on Koa's context. */
export interface AttachmentContext {
  set(field: string, value: string): void;
  body: unknown;
  length?: number;
}

/** A filename safe inside a quoted Content-Disposition value. */
export const attachmentName = (base: string | null, fallback: string, ext = 'pdf') =>
  `${(base ?? '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || fallback}.${ext}`;

/** Streams a stored file as a download that no browser renders inline or caches. */
export const sendAttachment = (ctx: AttachmentContext, file: FileStream, filename: string) => {
  ctx.set('Content-Type', file.mime);
  ctx.set('Content-Disposition', `attachment; filename="${filename}"`);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Cache-Control', 'private, no-store');
  ctx.body = file.stream;
  if (file.length !== null) ctx.length = file.length;
};

const contentDisposition = (fileName: string) => `attachment; filename*=UTF-8''${encodeFileName(fileName)}`;

/** Text is always stored as validated UTF-8; say so, so a browser never guesses. */
const contentType = (mimeType: string) => (mimeType.startsWith('text/') ? `${mimeType}; charset=utf-8` : mimeType);

/** Headers of every private download: an attachment no browser renders inline, sniffs or caches. */
export const downloadHeaders = (fileName: string, mimeType: string, size: number) => ({
  'Content-Type': contentType(mimeType || 'application/octet-stream'),
  'Content-Length': String(size),
  'Content-Disposition': contentDisposition(fileName),
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'private, no-store',
});

/** RFC 5987 encoding for `filename*`: what encodeURIComponent leaves alone but the header grammar does not allow. */
const encodeFileName = (name: string) => encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
