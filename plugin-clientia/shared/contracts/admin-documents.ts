/**
 * Admin API: a client's documents as the firm's staff handle them (`/clientia/...`, admin JWT).
 * Reading needs the plugin's read action; every change needs the records action. Files are kept in
 * the plugin's private storage, like the client's own uploads, and checked the same way: one file
 * per upload, at most 25 MiB, recognised by content (PDF, PNG, JPEG, GIF, WebP, text, CSV, DOCX,
 * XLSX or PPTX).
 *
 * A document is a version group: every upload of a new version is its own record with the next
 * number, and the list shows the latest version of each with all its versions. Archiving and
 * deleting act on the whole document, every version of it.
 */
import { z } from 'zod';

import { clearableText, flag, oneOf } from './fields';
import { DOCUMENT_FOLDER_MAX, DOCUMENT_TITLE_MAX } from './portal-documents';

/**
 * The file names the server takes, by extension (it then checks that the bytes are what the name
 * says: server/src/storage/file-type.ts). The admin panel offers and pre-checks these; the server
 * decides.
 */
export const ACCEPTED_FILE_EXTENSIONS = ['pdf', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'txt', 'csv', 'docx', 'xlsx', 'pptx'] as const;

export const DOCUMENT_VISIBILITIES = ['shared', 'internal'] as const;
/** Where a document without a folder of its own is kept. */
export const DEFAULT_DOCUMENT_FOLDER = 'General';
export type DocumentVisibility = (typeof DOCUMENT_VISIBILITIES)[number];

/** Who uploaded a version: a staff member or a contact of the client, by name; null when not recorded. */
export interface DocumentUploader {
  kind: 'staff' | 'contact';
  name: string;
}

/** One version of a document: each has its own documentId, file and download. */
export interface DocumentVersion {
  documentId: string;
  version: number;
  fileName: string | null;
  mimeType: string | null;
  /** Bytes; null while no file is stored. */
  size: number | null;
  /** Hex SHA-256 of the stored bytes, measured by the server. */
  sha256: string | null;
  uploadedBy: DocumentUploader | null;
  createdAt: string;
}

/** A document as the Documents tab lists it: its latest version, and every version newest first. */
export interface StaffDocument extends DocumentVersion {
  title: string;
  folder: string;
  visibility: DocumentVisibility;
  /** When the firm archived it: hidden from the client, kept for the firm. */
  archivedAt: string | null;
  updatedAt: string;
  versions: DocumentVersion[];
}

/** GET /clientia/clients/:documentId/documents (read action): every document, archived ones too, most recently changed first. */
export interface ListClientDocumentsResponse {
  data: StaffDocument[];
  /** The folders this client's documents are in, by name, for the upload's folder choice. */
  meta: { folders: string[] };
}

/**
 * POST /clientia/clients/:documentId/documents (records action), multipart/form-data: the file in
 * `file`, its `visibility` (required: nothing is shared with the client by accident), optional
 * `title` (the file's name without its extension when left out or empty) and `folder` ("General").
 * → 201 with the document.
 */
export const uploadStaffDocumentFields = z.strictObject({
  visibility: oneOf(DOCUMENT_VISIBILITIES),
  title: clearableText(DOCUMENT_TITLE_MAX),
  folder: clearableText(DOCUMENT_FOLDER_MAX),
});
export type UploadStaffDocumentFields = z.input<typeof uploadStaffDocumentFields>;
export interface StaffDocumentResponse {
  data: StaffDocument;
}

/**
 * POST /clientia/documents/:documentId/versions (records action), multipart/form-data with the
 * file in `file` and no other field: the next version of the document that `documentId` (any of
 * its versions) belongs to, with its title, folder and visibility. Refused (409) while the
 * document is archived. → 201 with the document.
 */
export const newDocumentVersionFields = z.strictObject({});

/** PUT /clientia/documents/:documentId/archive (records action): archives or restores every version. */
export const archiveDocumentRequest = z.strictObject({ archived: flag() });
export type ArchiveDocumentRequest = z.infer<typeof archiveDocumentRequest>;

/** DELETE /clientia/documents/:documentId (records action): the document, every version of it, and their files. */
export interface DeleteDocumentResponse {
  data: { documentId: string; deletedVersions: number };
}

/** GET /clientia/documents/:documentId/download (read action) streams that version's file as an attachment. */
