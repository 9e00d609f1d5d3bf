import type { Core } from '@strapi/strapi';

import { portalQuery, updateMeRequest, type GetMeResponse, type UpdateMeResponse } from '../../../shared/contracts/portal';
import { portalContext, type PortalContext } from '../portal/context';
import { meOf, renameContact } from '../portal/me/profile';
import { parseBody, parseQuery } from '../validation/parse';

export interface MeRequest {
  query: Record<string, unknown>;
  request: { body?: unknown };
  state: { portal?: PortalContext };
  body: unknown;
}

const portalMe = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: MeRequest) {
    parseQuery(portalQuery, ctx.query);
    const body: GetMeResponse = { data: meOf(portalContext(ctx)) };
    ctx.body = body;
  },

  async update(ctx: MeRequest) {
    parseQuery(portalQuery, ctx.query);
    const portal = portalContext(ctx);
    const { name } = parseBody(updateMeRequest, ctx.request.body);
    await renameContact(strapi, portal, name);
    const body: UpdateMeResponse = { data: meOf(portal, name) };
    ctx.body = body;
  },
});

export default portalMe;
