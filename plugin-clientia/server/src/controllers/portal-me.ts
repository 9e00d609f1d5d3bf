import type { Core } from '@strapi/strapi';

import type { GetMeResponse, UpdateMeResponse } from '../../../shared/contracts/portal';
import { portalContext, CLIENT_QUERY_KEY, type PortalContext } from '../portal/context';
import { meOf, readProfileUpdate, renameContact } from '../portal/me/profile';
import { assertQueryKeys } from './validation';

export interface MeRequest {
  query: Record<string, unknown>;
  request: { body?: unknown };
  state: { portal?: PortalContext };
  body: unknown;
}

const portalMe = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: MeRequest) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
    const body: GetMeResponse = { data: meOf(portalContext(ctx)) };
    ctx.body = body;
  },

  async update(ctx: MeRequest) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
    const portal = portalContext(ctx);
    const { name } = readProfileUpdate(ctx.request.body);
    await renameContact(strapi, portal, name);
    const body: UpdateMeResponse = { data: meOf(portal, name) };
    ctx.body = body;
  },
});

export default portalMe;
