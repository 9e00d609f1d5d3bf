import type { Core } from '@strapi/strapi';

import {
  archiveDocumentRequest,
  newDocumentVersionFields,
  uploadStaffDocumentFields,
  type DeleteDocumentResponse,
  type ListClientDocumentsResponse,
  type StaffDocumentResponse,
} from '../../../shared/contracts/admin-documents';
import { noQuery } from '../../../shared/contracts/fields';
import { downloadHeaders } from '../http/downloads';
import { acceptDocumentFile } from '../storage/document-files';
import { parseBody, parseQuery } from '../validation/parse';
import { receivedDocumentFile } from '../validation/portal-documents';
import {
  addDocumentVersion,
  deleteDocument,
  listClientDocuments,
  openStaffDocumentFile,
  setDocumentArchived,
  uploadClientDocument,
} from '../workspace/documents';
import { documentIdParam, staffId, type AdminContext } from './context';
import { discardingFiles, type AdminUploadContext } from './uploads';

const documents = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const body: ListClientDocumentsResponse = await listClientDocuments(strapi, documentIdParam(ctx));
    ctx.body = body;
  },

  async upload(ctx: AdminUploadContext) {
    await discardingFiles(ctx, async () => {
      parseQuery(noQuery, ctx.query);
      const clientDocumentId = documentIdParam(ctx);
      // A multipart form without text fields leaves no body: it reads as an empty form.
      const { visibility, title, folder } = parseBody(uploadStaffDocumentFields, ctx.request.body ?? {});
      const file = await acceptDocumentFile(receivedDocumentFile(ctx.request.files));
      const body: StaffDocumentResponse = { data: await uploadClientDocument(strapi, clientDocumentId, { file, visibility, title, folder }, staffId(ctx)) };
      ctx.status = 201;
      ctx.body = body;
    });
  },

  async addVersion(ctx: AdminUploadContext) {
    await discardingFiles(ctx, async () => {
      parseQuery(noQuery, ctx.query);
      const documentId = documentIdParam(ctx);
      parseBody(newDocumentVersionFields, ctx.request.body ?? {});
      const file = await acceptDocumentFile(receivedDocumentFile(ctx.request.files));
      const body: StaffDocumentResponse = { data: await addDocumentVersion(strapi, documentId, file, staffId(ctx)) };
      ctx.status = 201;
      ctx.body = body;
    });
  },

  /** Any version's file, the client's own uploads and internal documents too: staff download it here, never from /uploads. */
  async download(ctx: AdminContext & { set(headers: Record<string, string>): void }) {
    parseQuery(noQuery, ctx.query);
    const file = await openStaffDocumentFile(strapi, documentIdParam(ctx));
    // Headers first: Koa would otherwise label a stream body application/octet-stream.
    ctx.set(downloadHeaders(file.fileName, file.mimeType, file.size));
    ctx.body = file.stream;
  },

  async archive(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const documentId = documentIdParam(ctx);
    const { archived } = parseBody(archiveDocumentRequest, ctx.request.body);
    const body: StaffDocumentResponse = { data: await setDocumentArchived(strapi, documentId, archived) };
    ctx.body = body;
  },

  async delete(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const body: DeleteDocumentResponse = { data: await deleteDocument(strapi, documentIdParam(ctx)) };
    ctx.body = body;
  },
});

export default documents;
