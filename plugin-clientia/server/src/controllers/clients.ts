import type { Core } from '@strapi/strapi';

import type {
  ClientState,
  GetClientOverviewResponse,
  GetPortalPreviewResponse,
  InviteContactResponse,
  ListClientsResponse,
  PortalRole,
} from '../../../shared/contracts/admin';
import { getService } from '../utils';
import { documentIdParam, staffId, type AdminContext } from './context';
import {
  assertBodyKeys,
  assertQueryKeys,
  readEmail,
  readEnum,
  readOptionalBoolean,
  readPagination,
  readQueryEnum,
  readQuerySearch,
  readText,
} from './validation';

const CLIENT_STATES: readonly ClientState[] = ['prospect', 'active', 'paused', 'archived'];
const PORTAL_ROLES: readonly PortalRole[] = ['owner', 'admin', 'billing', 'member'];

const clients = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: AdminContext) {
    assertQueryKeys(ctx.query, ['page', 'pageSize', 'q', 'state']);
    const query = {
      ...readPagination(ctx.query),
      q: readQuerySearch(ctx.query, 'q'),
      state: readQueryEnum(ctx.query, 'state', CLIENT_STATES),
    };
    const body: ListClientsResponse = await getService(strapi, 'clients').list(query);
    ctx.body = body;
  },

  async findOne(ctx: AdminContext) {
    assertQueryKeys(ctx.query, []);
    const body: GetClientOverviewResponse = { data: await getService(strapi, 'clients').overview(documentIdParam(ctx)) };
    ctx.body = body;
  },

  async preview(ctx: AdminContext) {
    assertQueryKeys(ctx.query, []);
    const body: GetPortalPreviewResponse = { data: await getService(strapi, 'clients').preview(documentIdParam(ctx)) };
    ctx.body = body;
  },

  async invite(ctx: AdminContext) {
    assertQueryKeys(ctx.query, []);
    const documentId = documentIdParam(ctx);
    const input = assertBodyKeys(ctx.request.body, ['email', 'name', 'role', 'signatory']);
    const invitation = {
      email: readEmail(input, 'email'),
      name: readText(input, 'name', 200),
      role: readEnum(input, 'role', PORTAL_ROLES),
      signatory: readOptionalBoolean(input, 'signatory') ?? false,
    };
    const body: InviteContactResponse = {
      data: await getService(strapi, 'invitations').invite(documentId, invitation, staffId(ctx)),
    };
    ctx.status = 201;
    ctx.body = body;
  },
});

export default clients;
