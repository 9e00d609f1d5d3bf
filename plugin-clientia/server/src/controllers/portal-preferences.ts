import type { Core } from '@strapi/strapi';

import {
  updatePreferencesRequest,
  type GetPreferencesResponse,
  type UpdatePreferencesResponse,
} from '../../../shared/contracts/portal-preferences';
import { portalContext } from '../portal/context';
import { getPreferences, updatePreferences } from '../portal/preferences/preferences';
import type { PortalRequest } from './context';
import { parseBody, parseQuery } from '../validation/parse';
import { portalQuery } from '../../../shared/contracts/portal';

const portalPreferences = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: PortalRequest) {
    parseQuery(portalQuery, ctx.query);
    const body: GetPreferencesResponse = { data: await getPreferences(strapi, portalContext(ctx)) };
    ctx.body = body;
  },

  async update(ctx: PortalRequest) {
    parseQuery(portalQuery, ctx.query);
    const update = parseBody(updatePreferencesRequest, ctx.request.body);
    const body: UpdatePreferencesResponse = { data: await updatePreferences(strapi, portalContext(ctx), update) };
    ctx.body = body;
  },
});

export default portalPreferences;
