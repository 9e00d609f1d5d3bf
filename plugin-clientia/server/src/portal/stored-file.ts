import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';

import type { Core } from '@strapi/strapi';

import { text, type Row } from '../serializers/values';

/** What the download routes read of an upload-plugin file row. */
export const STORED_FILE_FIELDS = ['id', 'url', 'mime', 'provider', 'hash', 'ext'] as const;

export interface StoredFile {
  stream: Readable;
  mime: string;
  /** Bytes, when the storage tells. */
  length: number | null;
}

const localFile = async (strapi: Core.Strapi, url: string): Promise<{ path: string; length: number } | null> => {
  const root = path.resolve(strapi.dirs.static.public);
  const full = path.resolve(root, `.${url.startsWith('/') ? url : `/${url}`}`);
  // The url comes from the database, but a path outside the public folder is never read.
  if (!full.startsWith(`${root}${path.sep}`)) return null;
  const stat = await fs.promises.stat(full).catch(() => null);
  return stat?.isFile() ? { length: stat.size, path: full } : null;
};

const openRemote = async (strapi: Core.Strapi, file: Row): Promise<StoredFile | null> => {
  const signed = (await strapi.plugin('upload').service('file').signFileUrls({ ...file })) as { url?: string };
  if (!signed.url || !/^https?:\/\//.test(signed.url)) return null;
  const response = await fetch(signed.url).catch(() => null);
  if (!response?.ok || !response.body) return null;
  const length = Number(response.headers.get('content-length'));
  return {
    stream: Readable.fromWeb(response.body as Parameters<typeof Readable.fromWeb>[0]),
    mime: text(file.mime) || 'application/octet-stream',
    length: Number.isSafeInteger(length) && length >= 0 ? length : null,
  };
};

/**
 * Opens a stored upload for streaming from wherever the upload provider keeps it: the local
 * provider's folder on disk, or the provider's (signed) URL. Null when the file is not there.
 */
export const openStoredFile = async (strapi: Core.Strapi, file: Row | null): Promise<StoredFile | null> => {
  const url = text(file?.url);
  if (!file || !url) return null;
  if (file.provider === 'local' || url.startsWith('/')) {
    const local = await localFile(strapi, url);
    if (!local) return null;
    return { stream: fs.createReadStream(local.path), mime: text(file.mime) || 'application/octet-stream', length: local.length };
  }
  return openRemote(strapi, file);
};

/** All of a stream's bytes, or null (and the stream stopped) once it passes `limit`. */
export const readAtMost = async (stream: Readable, limit: number): Promise<Buffer | null> => {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const part = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += part.length;
    if (size > limit) {
      stream.destroy();
      return null;
    }
    parts.push(part);
  }
  return Buffer.concat(parts);
};

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
export const sendAttachment = (ctx: AttachmentContext, file: StoredFile, filename: string) => {
  ctx.set('Content-Type', file.mime);
  ctx.set('Content-Disposition', `attachment; filename="${filename}"`);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Cache-Control', 'private, no-store');
  ctx.body = file.stream;
  if (file.length !== null) ctx.length = file.length;
};
