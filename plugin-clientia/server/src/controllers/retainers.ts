import type { Core } from '@strapi/strapi';

import {
  createRetainerRequest,
  createTimeEntryRequest,
  retainerTimeQuery,
  updateRetainerRequest,
  updateTimeEntryRequest,
  type GetRetainerTimeResponse,
  type RetainerResponse,
  type TimeEntryResponse,
} from '../../../shared/contracts/admin-billing';
import { noFields, noQuery } from '../../../shared/contracts/fields';
import { parseBody, parseQuery } from '../validation/parse';
import { retainerTimeView } from '../workspace/retainer-time';
import { createRetainer, updateRetainer } from '../workspace/retainers';
import { deleteTimeEntry, logTime, updateTimeEntry } from '../workspace/time-entries';
import { answerWith, documentIdParam, staffId, type AdminContext } from './context';

/** Retainers and the hours logged against them, from the client page. */
const retainers = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /clients/:documentId/retainers */
  async create(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const input = parseBody(createRetainerRequest, ctx.request.body);
    await answerWith<RetainerResponse['data']>(ctx, createRetainer(strapi, documentIdParam(ctx), input), 201);
  },

  async update(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const input = parseBody(updateRetainerRequest, ctx.request.body);
    await answerWith<RetainerResponse['data']>(ctx, updateRetainer(strapi, documentIdParam(ctx), input));
  },

  /** The hours of one period with their burn-down. */
  async time(ctx: AdminContext) {
    const { on } = parseQuery(retainerTimeQuery, ctx.query);
    await answerWith<GetRetainerTimeResponse['data']>(ctx, retainerTimeView(strapi, documentIdParam(ctx), on, staffId(ctx)));
  },

  async logTime(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const input = parseBody(createTimeEntryRequest, ctx.request.body);
    await answerWith<TimeEntryResponse['data']>(ctx, logTime(strapi, documentIdParam(ctx), input, staffId(ctx)), 201);
  },

  async updateTimeEntry(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const input = parseBody(updateTimeEntryRequest, ctx.request.body);
    await answerWith<TimeEntryResponse['data']>(ctx, updateTimeEntry(strapi, documentIdParam(ctx), input));
  },

  async deleteTimeEntry(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    parseBody(noFields, ctx.request.body);
    await deleteTimeEntry(strapi, documentIdParam(ctx));
    ctx.status = 204;
  },
});

export default retainers;
