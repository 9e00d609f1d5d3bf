import type { Core } from '@strapi/strapi';

import type { DocumentResponse, ListDocumentsResponse } from '../../../shared/contracts/portal-documents';
import { CLIENT_QUERY_KEY, portalContext, type PortalContext } from '../portal/context';
import { requestedId } from '../portal/record-id';
import { openDocumentFile } from '../portal/documents/download';
import { listDocuments } from '../portal/documents/list';
import { discardReceivedFiles, TEXT_FIELDS, uploadDocument } from '../portal/documents/upload';
import { assertBodyKeys, assertQueryKeys } from './validation';

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
    const body: ListDocumentsResponse = await listDocuments(strapi, portalContext(ctx), ctx.query);
    ctx.body = body;
  },

  async download(ctx: PortalDocumentsContext) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
    const documentId = requestedId(ctx.params, 'Document not found');
    const file = await openDocumentFile(strapi, portalContext(ctx), documentId);
    // Headers first: Koa would otherwise label a stream body application/octet-stream.
    ctx.set(file.headers);
    ctx.body = file.stream;
  },

  async upload(ctx: PortalDocumentsContext) {
    try {
      assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
      const portal = portalContext(ctx);
      const fields = assertBodyKeys(ctx.request.body ?? {}, TEXT_FIELDS);
      const body: DocumentResponse = { data: await uploadDocument(strapi, portal, { files: ctx.request.files, fields }) };
      ctx.status = 201;
      ctx.body = body;
    } finally {
      await discardReceivedFiles(ctx.request.files);
    }
  },
});

export default portalDocuments;
