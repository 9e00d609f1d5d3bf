import type { Core } from '@strapi/strapi';

import type { GetDashboardResponse } from '../../../shared/contracts/portal-dashboard';
import { portalContext } from '../portal/context';
import { getDashboard } from '../portal/dashboard/dashboard';
import type { PortalRequest } from './context';
import { parseQuery } from '../validation/parse';
import { portalQuery } from '../../../shared/contracts/portal';

const portalDashboard = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: PortalRequest) {
    parseQuery(portalQuery, ctx.query);
    const body: GetDashboardResponse = { data: await getDashboard(strapi, portalContext(ctx)) };
    ctx.body = body;
  },
});

export default portalDashboard;
