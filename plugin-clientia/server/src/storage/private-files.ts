import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { Core } from '@strapi/strapi';

import { pluginConfig } from '../config/plugin-config';

/**
 * Client documents are kept outside the public uploads path (which the upload plugin serves to
 * anyone): in the plugin's `documentsDir`, by default `<app root>/.data/documents`. Files are
 * named by a random key only, so nothing a caller sends ever becomes part of a path.
 */
const KEY = /^[a-f0-9]{32}$/;

export const documentsDir = (strapi: Core.Strapi) =>
  path.resolve(strapi.dirs.app.root, pluginConfig(strapi, 'documentsDir').trim() || path.join('.data', 'documents'));

const inside = (folder: string, parent: string) => {
  const relative = path.relative(parent, folder);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
};

/**
 * Refuses to start with the documents folder inside the public folder, where Strapi's static
 * server would hand every client's files to anyone who guessed a key.
 */
export const assertPrivateDocumentsDir = (strapi: Core.Strapi) => {
  const folder = documentsDir(strapi);
  const publicDir = path.resolve(strapi.dirs.static.public);
  if (inside(folder, publicDir)) {
    throw new Error(
      `Invalid clientia plugin config "documentsDir": ${folder} is inside the public folder ${publicDir}, which Strapi serves to anyone; choose a folder outside it`
    );
  }
};

const pathOf = (strapi: Core.Strapi, storageKey: string) => {
  if (!KEY.test(storageKey)) throw new Error('not a storage key');
  return path.join(documentsDir(strapi), storageKey);
};

interface PrivateFile {
  storageKey: string;
  size: number;
  sha256: string;
}

/** Writes the bytes under a new random key; size and SHA-256 are measured here, not taken from the request. */
export const storePrivateFile = async (strapi: Core.Strapi, bytes: Buffer): Promise<PrivateFile> => {
  await mkdir(documentsDir(strapi), { recursive: true, mode: 0o700 });
  const storageKey = randomBytes(16).toString('hex');
  await writeFile(pathOf(strapi, storageKey), bytes, { flag: 'wx', mode: 0o600 });
  return { storageKey, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
};

/** The stored file and its size, or null when it is not there (never uploaded, or removed). */
export const openPrivateFile = async (strapi: Core.Strapi, storageKey: string): Promise<{ stream: ReadStream; size: number } | null> => {
  if (!KEY.test(storageKey)) return null;
  const file = pathOf(strapi, storageKey);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return null;
  return { stream: createReadStream(file), size: info.size };
};

export const removePrivateFile = async (strapi: Core.Strapi, storageKey: string) => {
  if (KEY.test(storageKey)) await rm(pathOf(strapi, storageKey), { force: true });
};
