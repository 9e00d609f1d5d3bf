import type { Core } from '@strapi/strapi';

import type { GetThreadResponse, ListThreadsResponse, ReplyResponse } from '../../../shared/contracts/admin';
import { openAttachment } from '../portal/threads/attachments';
import type { ThreadState } from '../services/threads';
import { getService } from '../utils';
import { documentIdParam, staffId, type AdminContext } from './context';
import { assertBodyKeys, assertQueryKeys, readEnum, readPagination, readQueryEnum, readText } from './validation';

const THREAD_STATES: readonly ThreadState[] = ['open', 'closed'];
const MAX_MESSAGE_LENGTH = 20_000;

const threads = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: AdminContext) {
    assertQueryKeys(ctx.query, ['state', 'page', 'pageSize']);
    const query = { ...readPagination(ctx.query), state: readQueryEnum(ctx.query, 'state', THREAD_STATES) };
    const body: ListThreadsResponse = await getService(strapi, 'threads').list(query);
    ctx.body = body;
  },

  async findOne(ctx: AdminContext) {
    assertQueryKeys(ctx.query, []);
    const body: GetThreadResponse = { data: await getService(strapi, 'threads').get(documentIdParam(ctx)) };
    ctx.body = body;
  },

  /** A file a contact attached, from private storage: staff download it here, never from /uploads. */
  async downloadAttachment(ctx: AdminContext & { set(headers: Record<string, string>): void }) {
    assertQueryKeys(ctx.query, []);
    const file = await openAttachment(strapi, { documentId: documentIdParam(ctx) }, ctx.params.messageId, ctx.params.key);
    ctx.set(file.headers);
    ctx.body = file.stream;
  },

  async reply(ctx: AdminContext) {
    assertQueryKeys(ctx.query, []);
    const documentId = documentIdParam(ctx);
    const input = assertBodyKeys(ctx.request.body, ['body']);
    const text = readText(input, 'body', MAX_MESSAGE_LENGTH);
    const body: ReplyResponse = { data: await getService(strapi, 'threads').reply(documentId, text, staffId(ctx)) };
    ctx.status = 201;
    ctx.body = body;
  },

  async setState(ctx: AdminContext) {
    assertQueryKeys(ctx.query, []);
    const documentId = documentIdParam(ctx);
    const input = assertBodyKeys(ctx.request.body, ['state']);
    const state = readEnum(input, 'state', THREAD_STATES);
    ctx.body = { data: await getService(strapi, 'threads').setState(documentId, state) };
  },
});

export default threads;
