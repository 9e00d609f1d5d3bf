import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';

import type { Core } from '@strapi/strapi';
import { text, type Row } from '../repositories/rows';

/** What the download routes read of an upload-plugin file row. */
export const MEDIA_FILE_FIELDS = ['id', 'url', 'mime', 'provider', 'hash', 'ext'] as const;

export interface FileStream {
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

const openRemote = async (strapi: Core.Strapi, file: Row): Promise<FileStream | null> => {
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
export const openMediaFile = async (strapi: Core.Strapi, file: Row | null): Promise<FileStream | null> => {
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
