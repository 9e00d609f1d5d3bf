import type { Core } from '@strapi/strapi';

import { noFields } from '../../../shared/contracts/fields';
import { portalQuery } from '../../../shared/contracts/portal';
import {
  listThreadsQuery,
  postMessageRequest,
  startThreadRequest,
  type GetThreadResponse,
  type ListThreadsResponse,
  type MarkThreadReadResponse,
  type PostMessageResponse,
  type StartThreadResponse,
} from '../../../shared/contracts/portal-threads';
import { portalContext } from '../portal/context';
import { discardReceivedFiles } from '../storage/received-files';
import { downloadHeaders } from '../http/downloads';
import { acceptAttachments, NO_SUCH_ATTACHMENT, openAttachment } from '../storage/attachments';
import { requestedId } from '../http/record-id';
import type { PortalRequest } from './context';
import { getThread, listThreads, NO_SUCH_THREAD, markThreadRead, postMessage, startThread } from '../portal/threads/threads';
import { parseBody, parseQuery } from '../validation/parse';
import { receivedAttachments } from '../validation/portal-threads';

/** A write that may come as multipart/form-data: the parser leaves text fields in the body, files aside. */
export interface PortalUploadRequest extends PortalRequest {
  request: { body?: unknown; files?: Record<string, unknown> };
  set(headers: Record<string, string>): void;
}

/** The received temporary files never outlive the request, whatever it answers. */
const discardingFiles = async (ctx: PortalUploadRequest, handle: () => Promise<void>) => {
  try {
    await handle();
  } finally {
    await discardReceivedFiles(ctx.request.files);
  }
};

const portalThreads = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: PortalRequest) {
    const query = parseQuery(listThreadsQuery, ctx.query);
    const body: ListThreadsResponse = await listThreads(strapi, portalContext(ctx), query);
    ctx.body = body;
  },

  async findOne(ctx: PortalRequest) {
    parseQuery(portalQuery, ctx.query);
    const body: GetThreadResponse = { data: await getThread(strapi, portalContext(ctx), requestedId(ctx.params, NO_SUCH_THREAD)) };
    ctx.body = body;
  },

  async create(ctx: PortalUploadRequest) {
    await discardingFiles(ctx, async () => {
      parseQuery(portalQuery, ctx.query);
      // A multipart form without text fields leaves no body: it reads as an empty form.
      const { subject, body: text } = parseBody(startThreadRequest, ctx.request.body ?? {});
      const files = await acceptAttachments(receivedAttachments(ctx.request.files));
      const body: StartThreadResponse = { data: await startThread(strapi, portalContext(ctx), { subject, body: text, files }) };
      ctx.status = 201;
      ctx.body = body;
    });
  },

  async postMessage(ctx: PortalUploadRequest) {
    await discardingFiles(ctx, async () => {
      parseQuery(portalQuery, ctx.query);
      const documentId = requestedId(ctx.params, NO_SUCH_THREAD);
      const { body: text } = parseBody(postMessageRequest, ctx.request.body ?? {});
      const files = await acceptAttachments(receivedAttachments(ctx.request.files));
      const body: PostMessageResponse = { data: await postMessage(strapi, portalContext(ctx), documentId, { body: text, files }) };
      ctx.status = 201;
      ctx.body = body;
    });
  },

  async downloadAttachment(ctx: PortalUploadRequest) {
    parseQuery(portalQuery, ctx.query);
    const portal = portalContext(ctx);
    const file = await openAttachment(
      strapi,
      { documentId: requestedId(ctx.params, NO_SUCH_ATTACHMENT), client: { id: portal.client.id } },
      ctx.params.messageId,
      ctx.params.key
    );
    // Headers first: Koa would otherwise label a stream body application/octet-stream.
    ctx.set(downloadHeaders(file.fileName, file.mimeType, file.size));
    ctx.body = file.stream;
  },

  async markRead(ctx: PortalRequest) {
    parseQuery(portalQuery, ctx.query);
    const documentId = requestedId(ctx.params, NO_SUCH_THREAD);
    parseBody(noFields, ctx.request.body);
    const body: MarkThreadReadResponse = { data: await markThreadRead(strapi, portalContext(ctx), documentId) };
    ctx.body = body;
  },
});

export default portalThreads;
