import type { Core } from '@strapi/strapi';

import type {
  GetThreadResponse,
  ListThreadsResponse,
  MarkThreadReadResponse,
  PostMessageResponse,
  StartThreadResponse,
} from '../../../shared/contracts/portal-threads';
import { CLIENT_QUERY_KEY, portalContext } from '../portal/context';
import { discardReceivedFiles } from '../portal/documents/upload';
import { parseListQuery } from '../portal/list-query';
import { acceptAttachments, NO_SUCH_ATTACHMENT, openAttachment } from '../portal/threads/attachments';
import { emptyBody, idParam, readStorableText, type PortalRequest } from '../portal/threads/request';
import {
  getThread,
  listThreads,
  NO_SUCH_THREAD,
  markThreadRead,
  MAX_MESSAGE_LENGTH,
  MAX_SUBJECT_LENGTH,
  postMessage,
  startThread,
  THREAD_SORTS,
  THREAD_STATUSES,
} from '../portal/threads/threads';
import { assertBodyKeys, assertQueryKeys } from './validation';

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
    const query = parseListQuery(ctx.query, {
      sortable: THREAD_SORTS,
      defaultSort: { field: 'lastMessageAt', direction: 'desc' },
      filters: { status: THREAD_STATUSES },
    });
    const body: ListThreadsResponse = await listThreads(strapi, portalContext(ctx), query);
    ctx.body = body;
  },

  async findOne(ctx: PortalRequest) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
    const body: GetThreadResponse = { data: await getThread(strapi, portalContext(ctx), idParam(ctx, NO_SUCH_THREAD)) };
    ctx.body = body;
  },

  async create(ctx: PortalUploadRequest) {
    await discardingFiles(ctx, async () => {
      assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
      const input = assertBodyKeys(ctx.request.body ?? {}, ['subject', 'body']);
      const subject = readStorableText(input, 'subject', MAX_SUBJECT_LENGTH);
      const text = readStorableText(input, 'body', MAX_MESSAGE_LENGTH);
      const files = await acceptAttachments(ctx.request.files);
      const body: StartThreadResponse = { data: await startThread(strapi, portalContext(ctx), { subject, body: text, files }) };
      ctx.status = 201;
      ctx.body = body;
    });
  },

  async postMessage(ctx: PortalUploadRequest) {
    await discardingFiles(ctx, async () => {
      assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
      const documentId = idParam(ctx, NO_SUCH_THREAD);
      const input = assertBodyKeys(ctx.request.body ?? {}, ['body']);
      const text = readStorableText(input, 'body', MAX_MESSAGE_LENGTH);
      const files = await acceptAttachments(ctx.request.files);
      const body: PostMessageResponse = { data: await postMessage(strapi, portalContext(ctx), documentId, { body: text, files }) };
      ctx.status = 201;
      ctx.body = body;
    });
  },

  async downloadAttachment(ctx: PortalUploadRequest) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
    const portal = portalContext(ctx);
    const file = await openAttachment(
      strapi,
      { documentId: idParam(ctx, NO_SUCH_ATTACHMENT), client: { id: portal.client.id } },
      ctx.params.messageId,
      ctx.params.key
    );
    // Headers first: Koa would otherwise label a stream body application/octet-stream.
    ctx.set(file.headers);
    ctx.body = file.stream;
  },

  async markRead(ctx: PortalRequest) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
    const documentId = idParam(ctx, NO_SUCH_THREAD);
    assertBodyKeys(emptyBody(ctx.request.body), []);
    const body: MarkThreadReadResponse = { data: await markThreadRead(strapi, portalContext(ctx), documentId) };
    ctx.body = body;
  },
});

export default portalThreads;
