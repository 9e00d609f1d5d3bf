import type { DocumentUploader, DocumentVersion, DocumentVisibility, StaffDocument } from '../../../shared/contracts/admin-documents';
import { DEFAULT_FOLDER } from '../storage/limits';
import { STAFF_FIELDS, staffName } from './values';
import { isoDateTime, numberOrNull, relation, rowId, text, textOrNull, wholeNumber, type Row } from '../repositories/rows';

/** What the staff's document list reads of each version; storageKey stays on the server. */
export const STAFF_DOCUMENT_FIELDS = [
  'id',
  'documentId',
  'title',
  'folder',
  'visibility',
  'versionGroup',
  'version',
  'fileName',
  'mimeType',
  'size',
  'sha256',
  'archivedAt',
  'createdAt',
  'updatedAt',
] as const;

export const STAFF_DOCUMENT_POPULATE = {
  uploadedByStaff: { select: [...STAFF_FIELDS] },
  uploadedByContact: { select: ['id', 'username', 'email'] },
};

/** Contacts' names in the client (on their memberships), by user id. */
type ContactNames = ReadonlyMap<number, string>;

const uploaderOf = (row: Row, contacts: ContactNames): DocumentUploader | null => {
  const staff = relation(row, 'uploadedByStaff');
  if (staff) return { kind: 'staff', name: staffName(staff) };
  const contact = relation(row, 'uploadedByContact');
  if (!contact) return null;
  return { kind: 'contact', name: contacts.get(rowId(contact)!) || text(contact.username) || text(contact.email) };
};

const serializeDocumentVersion = (row: Row, contacts: ContactNames): DocumentVersion => ({
  documentId: text(row.documentId),
  version: wholeNumber(row.version) || 1,
  fileName: textOrNull(row.fileName),
  mimeType: textOrNull(row.mimeType),
  size: numberOrNull(row.size),
  sha256: textOrNull(row.sha256),
  uploadedBy: uploaderOf(row, contacts),
  createdAt: isoDateTime(row.createdAt) ?? '',
});

/** A document by its versions, newest first: the first is the one the list shows. */
export const serializeStaffDocument = (versions: [Row, ...Row[]], contacts: ContactNames): StaffDocument => {
  const latest = versions[0];
  return {
    ...serializeDocumentVersion(latest, contacts),
    title: text(latest.title),
    folder: textOrNull(latest.folder)?.trim() || DEFAULT_FOLDER,
    visibility: (latest.visibility === 'internal' ? 'internal' : 'shared') as DocumentVisibility,
    archivedAt: isoDateTime(latest.archivedAt),
    updatedAt: isoDateTime(latest.updatedAt) ?? '',
    versions: versions.map((row) => serializeDocumentVersion(row, contacts)),
  };
};
