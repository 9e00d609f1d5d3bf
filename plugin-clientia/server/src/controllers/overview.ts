import type { Core } from '@strapi/strapi';

import type { GetOverviewResponse } from '../../../shared/contracts/admin';
import { getService } from '../utils';
import type { AdminContext } from './context';
import { assertQueryKeys } from './validation';

const overview = ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(ctx: AdminContext) {
    assertQueryKeys(ctx.query, []);
    const body: GetOverviewResponse = { data: await getService(strapi, 'overview').get() };
    ctx.body = body;
  },
});

export default overview;
