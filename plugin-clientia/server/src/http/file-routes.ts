import { CONTRACT_FILE_FIELD, CONTRACT_FILE_MAX_BYTES } from '../../../shared/contracts/admin-contracts';
import { INVOICE_PDF_FIELD, INVOICE_PDF_MAX_BYTES } from '../../../shared/contracts/admin-invoices';
import { UPLOAD_FILE_FIELD, UPLOAD_MAX_BYTES } from '../../../shared/contracts/portal-documents';
import { ATTACHMENTS_FIELD, ATTACHMENTS_MAX_BYTES } from '../../../shared/contracts/portal-threads';
import { FILE_ROUTE_SHAPE } from '../config';

/**
 * The plugin's routes that take files (multipart/form-data), and the most bytes a request to each
 * may carry: its files' limit and room for the form's text fields and part headers. Every other
 * route of the app is refused a multipart body before the body parser writes a byte to disk.
 */
export interface FileRoute {
  method: 'POST' | 'PUT' | 'PATCH';
  /** The path as the router matches it, `:name` for a segment. */
  path: string;
  /** The files' own limit; null leaves the size to the app's body parser (the upload plugin's routes). */
  maxFileBytes: number | null;
  /** The form field the files go in, named by a refusal; null when the route is not the plugin's. */
  field: string | null;
}

/** Text fields (a message's body, a title, a folder) and the parts' headers. */
export const FORM_OVERHEAD_BYTES = 1024 * 1024;

export const PLUGIN_FILE_ROUTES: readonly FileRoute[] = [
  // Portal API: a contact's upload and message attachments.
  { method: 'POST', path: '/api/clientia/documents', maxFileBytes: UPLOAD_MAX_BYTES, field: UPLOAD_FILE_FIELD },
  { method: 'POST', path: '/api/clientia/threads', maxFileBytes: ATTACHMENTS_MAX_BYTES, field: ATTACHMENTS_FIELD },
  { method: 'POST', path: '/api/clientia/threads/:id/messages', maxFileBytes: ATTACHMENTS_MAX_BYTES, field: ATTACHMENTS_FIELD },
  // Admin API: documents, message attachments, contract and invoice PDFs from staff.
  { method: 'POST', path: '/clientia/clients/:documentId/documents', maxFileBytes: UPLOAD_MAX_BYTES, field: UPLOAD_FILE_FIELD },
  { method: 'POST', path: '/clientia/documents/:documentId/versions', maxFileBytes: UPLOAD_MAX_BYTES, field: UPLOAD_FILE_FIELD },
  { method: 'POST', path: '/clientia/clients/:documentId/threads', maxFileBytes: ATTACHMENTS_MAX_BYTES, field: ATTACHMENTS_FIELD },
  { method: 'POST', path: '/clientia/threads/:documentId/messages', maxFileBytes: ATTACHMENTS_MAX_BYTES, field: ATTACHMENTS_FIELD },
  { method: 'POST', path: '/clientia/contracts/:documentId/file', maxFileBytes: CONTRACT_FILE_MAX_BYTES, field: CONTRACT_FILE_FIELD },
  { method: 'PUT', path: '/clientia/invoices/:documentId/pdf', maxFileBytes: INVOICE_PDF_MAX_BYTES, field: INVOICE_PDF_FIELD },
];

/** Strapi's upload plugin (the media library, and its content API for apps that use it): its own limits apply. */
export const UPLOAD_PLUGIN_ROUTES: readonly FileRoute[] = [
  { method: 'POST', path: '/upload', maxFileBytes: null, field: null },
  { method: 'POST', path: '/api/upload', maxFileBytes: null, field: null },
];

/** `METHOD /path` entries of the plugin config `fileRoutes`: the app's own routes that take files. */
export const parseFileRoute = (entry: string): FileRoute | null => {
  const match = FILE_ROUTE_SHAPE.exec(entry.trim());
  return match ? { method: match[1] as FileRoute['method'], path: match[2]!, maxFileBytes: null, field: null } : null;
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A matcher like the router's: case-insensitive, a trailing slash allowed, `:name` one segment. */
export const routeMatcher = (routes: readonly FileRoute[]) => {
  const compiled = routes.map((route) => ({
    route,
    pattern: new RegExp(`^${route.path.split('/').map((part) => (part.startsWith(':') ? '[^/]+' : escape(part))).join('/')}/?$`, 'i'),
  }));
  return (method: string, path: string): FileRoute | null =>
    compiled.find(({ route, pattern }) => route.method === method.toUpperCase() && pattern.test(path))?.route ?? null;
};
