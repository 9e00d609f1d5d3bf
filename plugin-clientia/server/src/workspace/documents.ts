import { randomUUID } from 'node:crypto';

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';

import type { DocumentVisibility, ListClientDocumentsResponse, StaffDocument } from '../../../shared/contracts/admin-documents';
import { fieldError, fieldRefusal, refusal } from '../domain/errors';
import { UID } from '../constants';
import { serializeStaffDocument, STAFF_DOCUMENT_FIELDS, STAFF_DOCUMENT_POPULATE } from '../serializers/staff-document';
import { relation, rowId, text, wholeNumber, type Row } from '../repositories/rows';
import { documents, linkedTo, lockRow, records } from '../repositories/records';
import { contactNamesIn } from '../portal/activity/contact-names';
import type { AcceptedFile } from '../storage/attachments';
import { titleFromFileName } from '../storage/document-files';
import { checkFileType } from '../storage/file-type';
import { cleanFileName } from '../storage/received-files';
import { DEFAULT_FOLDER, MAX_UPLOAD_BYTES } from '../storage/limits';
import { openPrivateFile, removePrivateFile, storePrivateFile } from '../storage/private-files';

const NO_SUCH_DOCUMENT = 'No document has this documentId';
const NO_FILE = 'This document has no file yet';

/** Every version of one client's documents that the list reads, at most: far more than a client keeps. */
const CLIENT_DOCUMENTS_LIMIT = 2000;

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

const findClient = async (strapi: Core.Strapi, documentId: string) => {
  const client = await records(strapi, UID.client).findOne({ select: ['id', 'documentId'], where: { documentId } });
  if (!client) throw new errors.NotFoundError('No client has this documentId');
  return client;
};

const newestVersionFirst = (a: Row, b: Row) => wholeNumber(b.version) - wholeNumber(a.version) || Number(b.id) - Number(a.id);

/** The rows by document (version group), each newest version first; a row without a group stands alone. */
const byDocument = (rows: Row[]) => {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = text(row.versionGroup) || `#${String(row.id)}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((versions) => versions.sort(newestVersionFirst) as [Row, ...Row[]]);
};

/** The names the contacts who uploaded go by in this client: one query for all of them. */
const uploaderNames = (strapi: Core.Strapi, clientId: number, rows: Row[]) =>
  contactNamesIn(
    strapi,
    clientId,
    rows.map((row) => rowId(relation(row, 'uploadedByContact'))).filter((id): id is number => id !== null)
  );

export const listClientDocuments = async (strapi: Core.Strapi, clientDocumentId: string): Promise<ListClientDocumentsResponse> => {
  const client = await findClient(strapi, clientDocumentId);
  const rows = await records(strapi, UID.document).findMany({
    select: [...STAFF_DOCUMENT_FIELDS],
    where: linkedTo(strapi, UID.document, 'client', Number(client.id)),
    populate: STAFF_DOCUMENT_POPULATE,
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    limit: CLIENT_DOCUMENTS_LIMIT,
  });
  const names = await uploaderNames(strapi, Number(client.id), rows);
  const list = byDocument(rows)
    .map((versions) => serializeStaffDocument(versions, names))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || byName.compare(a.title, b.title));
  const folders = [...new Set([DEFAULT_FOLDER, ...list.map((document) => document.folder)])].sort(byName.compare);
  return { data: list, meta: { folders } };
};

/** Every version of the document that `documentId` (any of its versions) belongs to, newest first, and its client. */
const loadDocument = async (strapi: Core.Strapi, documentId: string) => {
  const row = await records(strapi, UID.document).findOne({
    select: ['id', 'versionGroup'],
    where: { documentId },
    populate: { client: { select: ['id', 'documentId'] } },
  });
  const client = row ? relation(row, 'client') : null;
  if (!row || !client) throw new errors.NotFoundError(NO_SUCH_DOCUMENT);
  const group = text(row.versionGroup);
  const versions = await records(strapi, UID.document).findMany({
    select: [...STAFF_DOCUMENT_FIELDS],
    where: group ? { versionGroup: group, client: { id: client.id } } : { id: row.id },
    populate: STAFF_DOCUMENT_POPULATE,
  });
  return { client, versions: versions.sort(newestVersionFirst) as [Row, ...Row[]] };
};

const staffDocument = async (strapi: Core.Strapi, documentId: string): Promise<StaffDocument> => {
  const { client, versions } = await loadDocument(strapi, documentId);
  return serializeStaffDocument(versions, await uploaderNames(strapi, Number(client.id), versions));
};

/**
 * Stores the file privately, then records it in one transaction: the document through the
 * Document Service (the document rule and the activity entry, with the staff member as actor),
 * the server-owned file fields below it. If anything is refused, the stored bytes go again.
 */
const recordStoredFile = async (strapi: Core.Strapi, file: AcceptedFile, create: (trx: Knex.Transaction) => Promise<Row>) => {
  const stored = await storePrivateFile(strapi, file.bytes);
  try {
    return await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
      const created = await create(trx);
      await records(strapi, UID.document).update({
        where: { id: created.id },
        data: { storageKey: stored.storageKey, size: stored.size, sha256: stored.sha256, fileName: file.fileName, mimeType: file.mimeType },
      });
      return String(created.documentId);
    });
  } catch (error) {
    await removePrivateFile(strapi, stored.storageKey);
    throw error;
  }
};

/** A staff member's upload: a new document of the client, version 1. */
export const uploadClientDocument = async (
  strapi: Core.Strapi,
  clientDocumentId: string,
  input: { file: AcceptedFile; visibility: DocumentVisibility; title?: string | null; folder?: string | null },
  staffId: number
): Promise<StaffDocument> => {
  const client = await findClient(strapi, clientDocumentId);
  const documentId = await recordStoredFile(strapi, input.file, () =>
    documents(strapi, UID.document).create({
      data: {
        client: String(client.documentId),
        title: input.title ?? titleFromFileName(input.file.fileName),
        folder: input.folder ?? DEFAULT_FOLDER,
        visibility: input.visibility,
        version: 1,
        uploadedByStaff: staffId,
      },
    })
  );
  return staffDocument(strapi, documentId);
};

/**
 * The next version of a document, with its title, folder and visibility: the number one above the
 * highest the document has had, read under a lock on its latest version so that two uploads at
 * once get two numbers. An archived document takes none.
 */
export const addDocumentVersion = async (strapi: Core.Strapi, documentId: string, file: AcceptedFile, staffId: number): Promise<StaffDocument> => {
  const { client, versions } = await loadDocument(strapi, documentId);
  const latest = versions[0];
  if (latest.archivedAt) throw refusal(409, 'This document is archived; restore it before adding a version');
  const table = strapi.db.metadata.get(UID.document).tableName;
  const created = await recordStoredFile(strapi, file, async (trx) => {
    await lockRow(strapi, trx, table, Number(latest.id));
    let group = text(latest.versionGroup);
    if (!group) {
      // A document from before version groups: it becomes the first of its group.
      group = randomUUID();
      await records(strapi, UID.document).update({ where: { id: latest.id }, data: { versionGroup: group } });
    }
    const [highest] = await records(strapi, UID.document).findMany({
      select: ['id', 'version'],
      where: { versionGroup: group, client: { id: client.id } },
      orderBy: [{ version: 'desc' }, { id: 'desc' }],
      limit: 1,
    });
    return documents(strapi, UID.document).create({
      data: {
        client: String(client.documentId),
        title: text(latest.title),
        folder: text(latest.folder) || DEFAULT_FOLDER,
        visibility: latest.visibility === 'internal' ? 'internal' : 'shared',
        versionGroup: group,
        version: wholeNumber(highest?.version) + 1,
        uploadedByStaff: staffId,
      },
    });
  });
  return staffDocument(strapi, created);
};

/** Archives (hidden from the client, kept for the firm) or restores a document: its latest version is written, the rule moves the others along. */
export const setDocumentArchived = async (strapi: Core.Strapi, documentId: string, archived: boolean): Promise<StaffDocument> => {
  const { versions } = await loadDocument(strapi, documentId);
  const latest = versions[0];
  if (Boolean(latest.archivedAt) !== archived) {
    await documents(strapi, UID.document).update({ documentId: text(latest.documentId), data: { archivedAt: archived ? new Date() : null } });
  }
  return staffDocument(strapi, documentId);
};

/**
 * Deletes a document with every version, together or not at all. The document rule lets the files
 * go once the deletion is committed; they are removed here as well before answering, so a deleted
 * document's bytes are gone when the firm is told it is deleted.
 */
export const deleteDocument = async (strapi: Core.Strapi, documentId: string) => {
  const { versions } = await loadDocument(strapi, documentId);
  const rows = await records(strapi, UID.document).findMany({ select: ['id', 'storageKey'], where: { id: { $in: versions.map((v) => v.id) } } });
  await strapi.db.transaction(async () => {
    for (const version of versions) await documents(strapi, UID.document).delete({ documentId: text(version.documentId) });
  });
  await Promise.all(rows.map((row) => removePrivateFile(strapi, text(row.storageKey))));
  return { documentId, deletedVersions: versions.length };
};

/**
 * Gives a document recorded without a file (by a script, an import, the demo seed) its file:
 * checked as an upload is, stored privately, its server-owned fields written. A document that
 * already has a file keeps it: a changed file is a new version.
 */
export const attachDocumentFile = async (strapi: Core.Strapi, documentId: string, input: { fileName: string; bytes: Buffer }): Promise<StaffDocument> => {
  const row = await records(strapi, UID.document).findOne({ select: ['id', 'storageKey'], where: { documentId } });
  if (!row) throw new errors.NotFoundError(NO_SUCH_DOCUMENT);
  if (text(row.storageKey)) throw fieldRefusal(409, ['file'], 'This document already has a file: upload a new version instead');
  if (input.bytes.length === 0) throw fieldError('file', 'is empty');
  if (input.bytes.length > MAX_UPLOAD_BYTES) throw fieldError('file', `must be at most ${MAX_UPLOAD_BYTES} bytes`);
  const fileName = cleanFileName(input.fileName, 'file');
  const mimeType = checkFileType(input.bytes, fileName);
  const stored = await storePrivateFile(strapi, input.bytes);
  try {
    await records(strapi, UID.document).update({
      where: { id: row.id },
      data: { storageKey: stored.storageKey, size: stored.size, sha256: stored.sha256, fileName, mimeType },
    });
  } catch (error) {
    await removePrivateFile(strapi, stored.storageKey);
    throw error;
  }
  return staffDocument(strapi, documentId);
};

/** The stored file of any version of any client's document, whoever uploaded it and whatever its visibility. */
export const openStaffDocumentFile = async (strapi: Core.Strapi, documentId: string) => {
  const row = await records(strapi, UID.document).findOne({ select: ['id', 'storageKey', 'fileName', 'mimeType'], where: { documentId } });
  if (!row) throw new errors.NotFoundError(NO_SUCH_DOCUMENT);
  const storageKey = text(row.storageKey);
  const file = storageKey ? await openPrivateFile(strapi, storageKey) : null;
  if (!file) {
    if (storageKey) strapi.log.warn(`Clientia: the stored file of document ${documentId} is missing from private storage`);
    throw new errors.NotFoundError(NO_FILE);
  }
  return { stream: file.stream, fileName: text(row.fileName) || 'document', mimeType: text(row.mimeType), size: file.size };
};
