import { createHash } from 'node:crypto';

import type { Core } from '@strapi/strapi';

import { openPrivateFile, removePrivateFile, storePrivateFile } from '../storage/private-files';
import { jsonValue } from '../repositories/rows';
import type { EmailAttachment, StoredAttachment } from './types';

/** A header-safe file name: no path, no line breaks, no quotes. */
const safeFilename = (name: string) =>
  Array.from(name.replace(/[\\/]/g, '-'))
    .filter((c) => c !== '"' && c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 200) || 'attachment';

export const storeAttachments = async (strapi: Core.Strapi, attachments: EmailAttachment[]): Promise<StoredAttachment[]> => {
  const stored: StoredAttachment[] = [];
  try {
    for (const attachment of attachments) {
      if (!Buffer.isBuffer(attachment.content)) throw new Error('an email attachment must be a Buffer');
      const file = await storePrivateFile(strapi, attachment.content);
      stored.push({ filename: safeFilename(attachment.filename), contentType: attachment.contentType || 'application/octet-stream', ...file });
    }
  } catch (error) {
    await removeAttachments(strapi, stored);
    throw error;
  }
  return stored;
};

export const removeAttachments = async (strapi: Core.Strapi, attachments: StoredAttachment[]) => {
  await Promise.all(attachments.map((attachment) => removePrivateFile(strapi, attachment.storageKey).catch(() => undefined)));
};

/** The attachments a row records (a JSON column: text on SQLite, parsed on PostgreSQL). */
export const attachmentsOf = (value: unknown): StoredAttachment[] => {
  const list = jsonValue(value);
  return Array.isArray(list) ? (list as StoredAttachment[]) : [];
};

export class MissingAttachmentError extends Error {}

const readAll = async (stream: NodeJS.ReadableStream) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
};

/** The bytes again, checked against the hash taken when the email was queued. */
export const loadAttachments = async (strapi: Core.Strapi, attachments: StoredAttachment[]) =>
  Promise.all(
    attachments.map(async (attachment) => {
      const file = await openPrivateFile(strapi, attachment.storageKey);
      if (!file) throw new MissingAttachmentError(`the attachment ${attachment.filename} is no longer stored`);
      const content = await readAll(file.stream);
      if (createHash('sha256').update(content).digest('hex') !== attachment.sha256) {
        throw new MissingAttachmentError(`the attachment ${attachment.filename} changed after it was queued`);
      }
      return { filename: attachment.filename, contentType: attachment.contentType, content };
    })
  );
