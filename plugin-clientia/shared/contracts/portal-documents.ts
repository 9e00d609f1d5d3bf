/**
 * Portal API: the documents the firm shares with a client, and the client's own uploads
 * (`/api/clientia/documents`). Files are downloaded through the portal only, never from a public path.
 */
import { z } from 'zod';

import { clearableText, querySearch } from './fields';
import { listQuery, type PortalList } from './portal';

export const DOCUMENT_TITLE_MAX = 300;
export const DOCUMENT_FOLDER_MAX = 200;
/** The largest file a contact may upload, and all files of one message together. */
export const UPLOAD_MAX_BYTES = 25 * 1024 * 1024;
/** The multipart field an upload carries its one file in. */
export const UPLOAD_FILE_FIELD = 'file';
export const DOCUMENT_SORTS = ['updatedAt', 'title'] as const;

export interface PortalDocument {
  documentId: string;
  title: string;
  folder: string;
  version: number;
  /** Bytes; null while no file is stored (then the download answers 404). */
  size: number | null;
  mimeType: string | null;
  fileName: string | null;
  /** Hex SHA-256 of the stored bytes, computed by the server. */
  sha256: string | null;
  updatedAt: string;
  /** 'firm', or the name of the client's contact who uploaded it. */
  uploadedBy: string;
}

export interface PortalFolder {
  name: string;
  /** Documents in it (latest versions only). */
  count: number;
}

/** GET /documents?folder&page&pageSize&sort=updatedAt|title — the latest shared version of each document. */
export const listDocumentsQuery = listQuery({
  sortable: DOCUMENT_SORTS,
  defaultSort: { field: 'updatedAt', direction: 'desc' },
  extra: { folder: querySearch(DOCUMENT_FOLDER_MAX) },
});
export interface ListDocumentsResponse extends PortalList<PortalDocument> {
  meta: PortalList<PortalDocument>['meta'] & { folders: PortalFolder[] };
}

/**
 * POST /documents, multipart/form-data: `file` (one file, at most 25 MiB: PDF, PNG, JPEG, GIF,
 * WebP, text, CSV, DOCX, XLSX or PPTX, recognised by content), optional `title` and `folder`.
 * A shared document with the same title in the same folder gets a new version.
 */
export const uploadDocumentFields = z.strictObject({
  /** The file's name without its extension when left out or empty. */
  title: clearableText(DOCUMENT_TITLE_MAX),
  /** "General" when left out or empty. */
  folder: clearableText(DOCUMENT_FOLDER_MAX),
});
export type UploadDocumentFields = z.input<typeof uploadDocumentFields>;
export interface DocumentResponse {
  data: PortalDocument;
}

/** GET /documents/:id/download streams the file as an attachment. */
