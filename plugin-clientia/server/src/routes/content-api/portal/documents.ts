import type { PortalRouteSpec } from '../../../portal/route-spec';
import { UID } from '../../../constants';

export const documentsRoutes: PortalRouteSpec[] = [
  {
    method: 'GET',
    path: '/documents',
    handler: 'portal-documents.find',
    capability: 'documents',
    summary: 'The documents shared with the client, latest version of each, with their folders',
    queryKeys: ['folder'],
  },
  {
    method: 'GET',
    path: '/documents/:id/download',
    handler: 'portal-documents.download',
    capability: 'documents',
    idOf: UID.document,
    summary: 'Downloads the file of a shared document',
  },
  {
    method: 'POST',
    path: '/documents',
    handler: 'portal-documents.upload',
    capability: 'documents.upload',
    summary: 'Uploads a file for the firm (at most 25 MiB; PDF, images, text, CSV and Office documents), as a new document or its next version',
    example: { multipart: { field: 'file', fields: { title: 'Signed purchase order', folder: 'Purchase orders' } } },
  },
];
