import type { Core } from '@strapi/strapi';

import type { GetDashboardResponse } from '../../../shared/contracts/portal-dashboard';
import { CLIENT_QUERY_KEY, portalContext } from '../portal/context';
import { getDashboard } from '../portal/dashboard/dashboard';
import type { PortalRequest } from '../portal/threads/request';
import { assertQueryKeys } from './validation';

const portalDashboard = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: PortalRequest) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
    const body: GetDashboardResponse = { data: await getDashboard(strapi, portalContext(ctx)) };
    ctx.body = body;
  },
});

export default portalDashboard;
