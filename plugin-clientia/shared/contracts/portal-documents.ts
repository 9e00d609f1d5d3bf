/**
 * Portal API: the documents the firm shares with a client, and the client's own uploads
 * (`/api/clientia/documents`). Files are downloaded through the portal only, never from a public path.
 */
import type { PortalList } from './portal';

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
export interface ListDocumentsResponse extends PortalList<PortalDocument> {
  meta: PortalList<PortalDocument>['meta'] & { folders: PortalFolder[] };
}

/**
 * POST /documents, multipart/form-data: `file` (one file, at most 25 MiB: PDF, PNG, JPEG, GIF,
 * WebP, text, CSV, DOCX, XLSX or PPTX, recognised by content), optional `title` and `folder`.
 * A shared document with the same title in the same folder gets a new version.
 */
export interface UploadDocumentFields {
  title?: string;
  folder?: string;
}
export interface DocumentResponse {
  data: PortalDocument;
}

/** GET /documents/:id/download streams the file as an attachment. */
