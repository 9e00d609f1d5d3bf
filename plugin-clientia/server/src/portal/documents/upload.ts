import { readFile, rm } from 'node:fs/promises';

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { PortalDocument } from '../../../../shared/contracts/portal-documents';
import { readNullableText } from '../../controllers/validation';
import { fieldError } from '../../domain/errors';
import { UID } from '../../rules/helpers';
import { PORTAL_DOCUMENT_FIELDS, serializePortalDocument } from '../../serializers/portal/document';
import { wholeNumber } from '../../serializers/values';
import { documents, records } from '../../services/records';
import type { PortalContext } from '../context';
import { checkFileType } from './file-type';
import { DEFAULT_FOLDER, MAX_FILE_NAME_LENGTH, MAX_FOLDER_LENGTH, MAX_TITLE_LENGTH, MAX_UPLOAD_BYTES } from './limits';
import { sharedWith } from './list';
import { removeStoredFile, storeFile } from './storage';
import { contactName } from './uploaders';

/** A file as Koa's body parser (formidable) leaves it in a temporary directory. */
export interface ReceivedFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

export const FILE_FIELD = 'file';
export const TEXT_FIELDS = ['title', 'folder'] as const;

const MiB = 1024 * 1024;

/** The parser writes every multipart file to a temporary path; none of them may outlive the request. */
export const discardReceivedFiles = async (files: Record<string, unknown> | undefined) => {
  const all = Object.values(files ?? {}).flatMap((value) => (Array.isArray(value) ? value : [value])) as Partial<ReceivedFile>[];
  await Promise.all(all.map((file) => (typeof file?.filepath === 'string' ? rm(file.filepath, { force: true }) : undefined)));
};

/** The name the file is offered under when downloaded: its last path segment, without control characters. */
export const cleanFileName = (name: string | null | undefined, field = FILE_FIELD) => {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!clean || clean === '.' || clean === '..') throw fieldError(field, 'must have a file name');
  if (clean.length > MAX_FILE_NAME_LENGTH) throw fieldError(field, `its name must be at most ${MAX_FILE_NAME_LENGTH} characters`);
  return clean;
};

const titleFrom = (fileName: string) => (fileName.replace(/\.[^.]*$/, '').trim() || fileName).slice(0, MAX_TITLE_LENGTH);

const oneFile = (files: Record<string, unknown> | undefined): ReceivedFile => {
  const unknown = Object.keys(files ?? {}).filter((key) => key !== FILE_FIELD);
  if (unknown.length) throw fieldError(unknown[0]!, `is not accepted here; send the file in the field ${FILE_FIELD}`);
  const value = files?.[FILE_FIELD];
  if (Array.isArray(value)) throw fieldError(FILE_FIELD, 'send one file per upload');
  if (!value || typeof (value as ReceivedFile).filepath !== 'string') {
    throw fieldError(FILE_FIELD, 'is required: send the document as multipart/form-data in the field file');
  }
  return value as ReceivedFile;
};

const tooLarge = () =>
  new errors.PayloadTooLargeError(`file: must be at most ${MAX_UPLOAD_BYTES / MiB} MiB`, {
    errors: [{ path: [FILE_FIELD], message: `must be at most ${MAX_UPLOAD_BYTES / MiB} MiB`, name: 'ValidationError' }],
  });

/** The next version when the client already has a shared document of this title in this folder. */
const versionFor = async (strapi: Core.Strapi, portal: PortalContext, title: string, folder: string) => {
  const [previous] = await records(strapi, UID.document).findMany({
    select: ['id', 'versionGroup', 'version'],
    where: { ...sharedWith(strapi, portal), title, folder },
    orderBy: [{ version: 'desc' }, { id: 'desc' }],
    limit: 1,
  });
  return previous?.versionGroup ? { versionGroup: String(previous.versionGroup), version: wholeNumber(previous.version) + 1 } : { version: 1 };
};

/**
 * A contact's upload: checked by content, stored privately, then recorded through the Document
 * Service (so the document rule and the activity entry apply, with the contact as actor). The
 * server-owned file fields are written in the same transaction; if any write fails the stored
 * bytes are removed again.
 */
export const uploadDocument = async (
  strapi: Core.Strapi,
  portal: PortalContext,
  input: { files: Record<string, unknown> | undefined; fields: Record<string, unknown> }
): Promise<PortalDocument> => {
  const received = oneFile(input.files);
  const title = readNullableText(input.fields, 'title', MAX_TITLE_LENGTH);
  const folder = readNullableText(input.fields, 'folder', MAX_FOLDER_LENGTH) ?? DEFAULT_FOLDER;
  if (received.size > MAX_UPLOAD_BYTES) throw tooLarge();
  const fileName = cleanFileName(received.originalFilename);
  const bytes = await readFile(received.filepath);
  if (bytes.length > MAX_UPLOAD_BYTES) throw tooLarge();
  if (bytes.length === 0) throw fieldError(FILE_FIELD, 'is empty');
  const mimeType = checkFileType(bytes, fileName);

  const stored = await storeFile(strapi, bytes);
  let id: number;
  try {
    id = await strapi.db.transaction(async () => {
      const documentTitle = title ?? titleFrom(fileName);
      const created = await documents(strapi, UID.document).create({
        data: {
          client: portal.client.documentId,
          title: documentTitle,
          folder,
          visibility: 'shared',
          ...(await versionFor(strapi, portal, documentTitle, folder)),
        },
      });
      await records(strapi, UID.document).update({
        where: { id: created.id },
        data: { uploadedByContact: portal.user.id, storageKey: stored.storageKey, size: stored.size, sha256: stored.sha256, fileName, mimeType },
      });
      return Number(created.id);
    });
  } catch (error) {
    await removeStoredFile(strapi, stored.storageKey);
    throw error;
  }
  const row = await records(strapi, UID.document).findOne({ select: [...PORTAL_DOCUMENT_FIELDS], where: { id } });
  return serializePortalDocument(row!, contactName(portal.membership.name));
};
