import type { Core } from '@strapi/strapi';

import {
  listDocumentsQuery,
  uploadDocumentFields,
  type DocumentResponse,
  type ListDocumentsResponse,
} from '../../../shared/contracts/portal-documents';
import { portalQuery } from '../../../shared/contracts/portal';
import { portalContext, type PortalContext } from '../portal/context';
import { requestedId } from '../http/record-id';
import { openDocumentFile } from '../portal/documents/download';
import { listDocuments } from '../portal/documents/list';
import { uploadDocument } from '../portal/documents/upload';
import { discardReceivedFiles } from '../storage/received-files';
import { parseBody, parseQuery } from '../validation/parse';
import { receivedDocumentFile } from '../validation/portal-documents';

export interface PortalDocumentsContext {
  params: Record<string, string | undefined>;
  query: Record<string, unknown>;
  request: { body?: unknown; files?: Record<string, unknown> };
  state: { portal?: PortalContext };
  body: unknown;
  status: number;
  set(headers: Record<string, string>): void;
}

const portalDocuments = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: PortalDocumentsContext) {
    const query = parseQuery(listDocumentsQuery, ctx.query);
    const body: ListDocumentsResponse = await listDocuments(strapi, portalContext(ctx), query);
    ctx.body = body;
  },

  async download(ctx: PortalDocumentsContext) {
    parseQuery(portalQuery, ctx.query);
    const documentId = requestedId(ctx.params, 'Document not found');
    const file = await openDocumentFile(strapi, portalContext(ctx), documentId);
    // Headers first: Koa would otherwise label a stream body application/octet-stream.
    ctx.set(file.headers);
    ctx.body = file.stream;
  },

  async upload(ctx: PortalDocumentsContext) {
    try {
      parseQuery(portalQuery, ctx.query);
      const portal = portalContext(ctx);
      // A multipart form without text fields leaves no body: it reads as an empty form.
      const { title, folder } = parseBody(uploadDocumentFields, ctx.request.body ?? {});
      const file = receivedDocumentFile(ctx.request.files);
      const body: DocumentResponse = { data: await uploadDocument(strapi, portal, { file, title, folder }) };
      ctx.status = 201;
      ctx.body = body;
    } finally {
      await discardReceivedFiles(ctx.request.files);
    }
  },
});

export default portalDocuments;
