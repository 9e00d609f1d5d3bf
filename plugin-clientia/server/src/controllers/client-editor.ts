import type { Core } from '@strapi/strapi';

import { createClientRequest, updateClientRequest, type ClientRecordResponse, type ListStaffResponse } from '../../../shared/contracts/admin-records';
import { noQuery } from '../../../shared/contracts/fields';
import { createClient, listStaff, updateClient } from '../workspace/client-editor';
import type { AdminContext } from './context';
import { pathId } from './record-params';
import { parseBody, parseQuery } from '../validation/parse';

/** Staff create and edit clients from the clients list and the client page. */
const clientEditor = ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const request = parseBody(createClientRequest, ctx.request.body);
    const body: ClientRecordResponse = { data: await createClient(strapi, request) };
    ctx.status = 201;
    ctx.body = body;
  },

  async update(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const documentId = pathId(ctx, 'documentId');
    const request = parseBody(updateClientRequest, ctx.request.body);
    const body: ClientRecordResponse = { data: await updateClient(strapi, documentId, request) };
    ctx.body = body;
  },

  async staff(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const body: ListStaffResponse = { data: await listStaff(strapi) };
    ctx.body = body;
  },
});

export default clientEditor;
