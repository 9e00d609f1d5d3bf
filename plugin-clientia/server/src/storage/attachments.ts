import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { isDocumentId } from '../../../shared/contracts/fields';
import { ATTACHMENTS_FIELD, ATTACHMENTS_MAX_BYTES } from '../../../shared/contracts/portal-threads';
import { fieldError } from '../domain/errors';
import { UID } from '../constants';
import { records } from '../repositories/records';
import { jsonValue } from '../repositories/rows';
import { checkFileType } from './file-type';
import { MAX_UPLOAD_BYTES } from './limits';
import { openPrivateFile, removePrivateFile, storePrivateFile } from './private-files';
import { cleanFileName, type ReceivedFile } from './received-files';

/** All files of one message together, whatever their number. */
const MAX_ATTACHMENTS_BYTES = ATTACHMENTS_MAX_BYTES;

const MiB = 1024 * 1024;
const byFileName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const KEY = /^[a-f0-9]{24}$/;

export const NO_SUCH_ATTACHMENT = 'No attachment has this id';

/** One file of a message as the message records it; storageKey never leaves the server. */
export interface MessageAttachment {
  key: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  storageKey: string;
}

/** A checked file, read but not stored yet. */
export interface AcceptedFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

const tooLarge = (message: string) =>
  new errors.PayloadTooLargeError(`${ATTACHMENTS_FIELD}: ${message}`, {
    errors: [{ path: [ATTACHMENTS_FIELD], message, name: 'ValidationError' }],
  });

/**
 * The files of a multipart message (as `receivedAttachments` took them from the request), checked
 * by content like client documents: each and all together within the size limits. Nothing is
 * stored here.
 */
export const acceptAttachments = async (received: ReceivedFile[]): Promise<AcceptedFile[]> => {
  const declared = received.reduce((sum, file) => sum + Number(file.size ?? 0), 0);
  if (received.some((file) => Number(file.size ?? 0) > MAX_UPLOAD_BYTES)) throw tooLarge(`each file must be at most ${MAX_UPLOAD_BYTES / MiB} MiB`);
  if (declared > MAX_ATTACHMENTS_BYTES) throw tooLarge(`all files together must be at most ${MAX_ATTACHMENTS_BYTES / MiB} MiB`);

  const accepted: AcceptedFile[] = [];
  let total = 0;
  for (const file of received) {
    const fileName = cleanFileName(file.originalFilename, ATTACHMENTS_FIELD);
    const bytes = await readFile(file.filepath);
    total += bytes.length;
    if (bytes.length > MAX_UPLOAD_BYTES || total > MAX_ATTACHMENTS_BYTES) throw tooLarge(`all files together must be at most ${MAX_ATTACHMENTS_BYTES / MiB} MiB`);
    if (bytes.length === 0) throw fieldError(ATTACHMENTS_FIELD, `${fileName} is empty`);
    accepted.push({ fileName, mimeType: checkFileType(bytes, fileName, ATTACHMENTS_FIELD), bytes });
  }
  // The multipart parser hands files over as their temporary writes finish, not in the order they
  // were sent, so a message lists them by name: the same order on every upload of the same files.
  return accepted.sort((a, b) => byFileName.compare(a.fileName, b.fileName));
};

const removeAttachments = (strapi: Core.Strapi, attachments: MessageAttachment[]) =>
  Promise.all(attachments.map((attachment) => removePrivateFile(strapi, attachment.storageKey)));

/** Stores the files privately; if one fails, those already written are removed again. */
const storeAttachments = async (strapi: Core.Strapi, files: AcceptedFile[]): Promise<MessageAttachment[]> => {
  const stored: MessageAttachment[] = [];
  try {
    for (const file of files) {
      const { storageKey, size, sha256 } = await storePrivateFile(strapi, file.bytes);
      stored.push({ key: randomBytes(12).toString('hex'), fileName: file.fileName, mimeType: file.mimeType, size, sha256, storageKey });
    }
  } catch (error) {
    await removeAttachments(strapi, stored);
    throw error;
  }
  return stored;
};

/**
 * Stores the files, then runs the write that records them in one transaction; if the write does
 * not happen after all, the stored files are removed again. The same for a contact's message and
 * a staff member's.
 */
export const withStoredAttachments = async <T>(strapi: Core.Strapi, files: AcceptedFile[], write: (attachments: MessageAttachment[]) => Promise<T>) => {
  const attachments = await storeAttachments(strapi, files);
  try {
    return await strapi.db.transaction(() => write(attachments));
  } catch (error) {
    await removeAttachments(strapi, attachments);
    throw error;
  }
};

const isAttachment = (value: unknown): value is MessageAttachment => {
  const a = value as Partial<MessageAttachment> | null;
  return Boolean(a && typeof a.key === 'string' && typeof a.fileName === 'string' && typeof a.mimeType === 'string' && typeof a.storageKey === 'string');
};

/** The attachments a message row records; anything malformed in the column is ignored. */
export const attachmentsOf = (value: unknown): MessageAttachment[] => {
  const list = jsonValue(value);
  return Array.isArray(list) ? list.filter(isAttachment).map((a) => ({ ...a, size: Number(a.size) || 0, sha256: String(a.sha256 ?? '') })) : [];
};

/**
 * The stored file of one attachment of a message in a thread. `thread` narrows the thread (the
 * portal adds the caller's client); a message outside it, an unknown key or a missing file are
 * all the same 404.
 */
export const openAttachment = async (strapi: Core.Strapi, thread: Record<string, unknown>, messageDocumentId: string | undefined, key: string | undefined) => {
  if (!isDocumentId(messageDocumentId) || !key || !KEY.test(key)) throw new errors.NotFoundError(NO_SUCH_ATTACHMENT);
  const message = await records(strapi, UID.message).findOne({
    select: ['id', 'attachments'],
    where: { documentId: messageDocumentId, thread },
  });
  const attachment = message ? attachmentsOf(message.attachments).find((a) => a.key === key) : undefined;
  const file = attachment ? await openPrivateFile(strapi, attachment.storageKey) : null;
  if (!attachment || !file) {
    if (attachment) strapi.log.warn(`Clientia: a stored attachment of message ${messageDocumentId} is missing from private storage`);
    throw new errors.NotFoundError(NO_SUCH_ATTACHMENT);
  }
  return { stream: file.stream, fileName: attachment.fileName || 'attachment', mimeType: attachment.mimeType, size: file.size };
};
