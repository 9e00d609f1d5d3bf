import type { Core } from '@strapi/strapi';

import {
  listInboxThreadsQuery,
  replyRequest,
  setThreadStateRequest,
  type GetThreadResponse,
  type ListThreadsResponse,
  type ReplyResponse,
  type SetThreadStateResponse,
} from '../../../shared/contracts/admin';
import type { AwaitingThreadsResponse, StartStaffThreadResponse } from '../../../shared/contracts/admin-messages';
import { noQuery } from '../../../shared/contracts/fields';
import { startThreadRequest } from '../../../shared/contracts/portal-threads';
import { downloadHeaders } from '../http/downloads';
import { acceptAttachments, openAttachment } from '../storage/attachments';
import {
  countThreadsAwaitingFirm,
  getInboxThread,
  listInboxThreads,
  replyInThread,
  setThreadState,
  startThreadWithClient,
} from '../workspace/threads';
import { documentIdParam, staffId, type AdminContext } from './context';
import { discardingFiles, type AdminUploadContext } from './uploads';
import { parseBody, parseQuery } from '../validation/parse';
import { receivedAttachments } from '../validation/portal-threads';

const threads = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: AdminContext) {
    const query = parseQuery(listInboxThreadsQuery, ctx.query);
    const body: ListThreadsResponse = await listInboxThreads(strapi, query);
    ctx.body = body;
  },

  async findOne(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const body: GetThreadResponse = { data: await getInboxThread(strapi, documentIdParam(ctx)) };
    ctx.body = body;
  },

  /** A file a contact attached, from private storage: staff download it here, never from /uploads. */
  async downloadAttachment(ctx: AdminContext & { set(headers: Record<string, string>): void }) {
    parseQuery(noQuery, ctx.query);
    const file = await openAttachment(strapi, { documentId: documentIdParam(ctx) }, ctx.params.messageId, ctx.params.key);
    ctx.set(downloadHeaders(file.fileName, file.mimeType, file.size));
    ctx.body = file.stream;
  },

  /** JSON, or multipart/form-data with the same field and files in `files`, checked like a contact's. */
  async reply(ctx: AdminUploadContext) {
    await discardingFiles(ctx, async () => {
      parseQuery(noQuery, ctx.query);
      const documentId = documentIdParam(ctx);
      // A multipart form without text fields leaves no body: it reads as an empty form.
      const { body: text } = parseBody(replyRequest, ctx.request.body ?? {});
      const files = await acceptAttachments(receivedAttachments(ctx.request.files));
      const body: ReplyResponse = { data: await replyInThread(strapi, documentId, { body: text, files }, staffId(ctx)) };
      ctx.status = 201;
      ctx.body = body;
    });
  },

  /** A thread the firm starts with a client (`:documentId` is the client's), JSON or multipart like a reply. */
  async start(ctx: AdminUploadContext) {
    await discardingFiles(ctx, async () => {
      parseQuery(noQuery, ctx.query);
      const clientDocumentId = documentIdParam(ctx);
      const { subject, body: text } = parseBody(startThreadRequest, ctx.request.body ?? {});
      const files = await acceptAttachments(receivedAttachments(ctx.request.files));
      const body: StartStaffThreadResponse = {
        data: await startThreadWithClient(strapi, clientDocumentId, { subject, body: text, files }, staffId(ctx)),
      };
      ctx.status = 201;
      ctx.body = body;
    });
  },

  async awaiting(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const body: AwaitingThreadsResponse = { data: { threads: await countThreadsAwaitingFirm(strapi) } };
    ctx.body = body;
  },

  async setState(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const documentId = documentIdParam(ctx);
    const { state } = parseBody(setThreadStateRequest, ctx.request.body);
    const body: SetThreadStateResponse = { data: await setThreadState(strapi, documentId, state) };
    ctx.body = body;
  },
});

export default threads;
