import type { Core } from '@strapi/strapi';

import { listActivityQuery, type ListActivityResponse } from '../../../shared/contracts/portal-activity';
import { listActivity } from '../portal/activity/feed';
import { portalContext } from '../portal/context';
import { parseQuery } from '../validation/parse';
import type { PortalRequest } from './context';

const portalActivity = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: PortalRequest) {
    const { page, pageSize } = parseQuery(listActivityQuery, ctx.query);
    const body: ListActivityResponse = await listActivity(strapi, portalContext(ctx), { page, pageSize });
    ctx.body = body;
  },
});

export default portalActivity;
