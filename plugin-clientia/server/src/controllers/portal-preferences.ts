import type { Core } from '@strapi/strapi';

import type { GetPreferencesResponse, UpdatePreferencesResponse } from '../../../shared/contracts/portal-preferences';
import { CLIENT_QUERY_KEY, portalContext } from '../portal/context';
import { readPreferencesUpdate } from '../portal/preferences/input';
import { getPreferences, updatePreferences } from '../portal/preferences/preferences';
import type { PortalRequest } from '../portal/threads/request';
import { assertQueryKeys } from './validation';

const portalPreferences = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: PortalRequest) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
    const body: GetPreferencesResponse = { data: await getPreferences(strapi, portalContext(ctx)) };
    ctx.body = body;
  },

  async update(ctx: PortalRequest) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
    const update = readPreferencesUpdate(ctx.request.body);
    const body: UpdatePreferencesResponse = { data: await updatePreferences(strapi, portalContext(ctx), update) };
    ctx.body = body;
  },
});

export default portalPreferences;
