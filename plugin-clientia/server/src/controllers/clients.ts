import type { Core } from '@strapi/strapi';

import {
  inviteContactRequest,
  listClientsQuery,
  type GetClientOverviewResponse,
  type GetPortalPreviewResponse,
  type InviteContactResponse,
  type ListClientsResponse,
} from '../../../shared/contracts/admin';
import { noQuery } from '../../../shared/contracts/fields';
import { inviteContact } from '../accounts/invitations';
import { clientOverview, listClients, portalPreview } from '../workspace/clients';
import { documentIdParam, staffId, type AdminContext } from './context';
import { parseBody, parseQuery } from '../validation/parse';

const clients = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: AdminContext) {
    const query = parseQuery(listClientsQuery, ctx.query);
    const body: ListClientsResponse = await listClients(strapi, query);
    ctx.body = body;
  },

  async findOne(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const body: GetClientOverviewResponse = { data: await clientOverview(strapi, documentIdParam(ctx)) };
    ctx.body = body;
  },

  async preview(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const body: GetPortalPreviewResponse = { data: await portalPreview(strapi, documentIdParam(ctx)) };
    ctx.body = body;
  },

  async invite(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const documentId = documentIdParam(ctx);
    const { signatory, ...invitee } = parseBody(inviteContactRequest, ctx.request.body);
    const invitation = { ...invitee, signatory: signatory ?? false };
    const body: InviteContactResponse = {
      data: await inviteContact(strapi, documentId, invitation, staffId(ctx)),
    };
    ctx.status = 201;
    ctx.body = body;
  },
});

export default clients;
