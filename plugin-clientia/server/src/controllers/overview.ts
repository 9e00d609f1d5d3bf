import type { Core } from '@strapi/strapi';

import type { GetOverviewResponse } from '../../../shared/contracts/admin';
import { attentionOverview } from '../workspace/overview';
import type { AdminContext } from './context';
import { noQuery } from '../../../shared/contracts/fields';
import { parseQuery } from '../validation/parse';

const overview = ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const body: GetOverviewResponse = { data: await attentionOverview(strapi) };
    ctx.body = body;
  },
});

export default overview;
