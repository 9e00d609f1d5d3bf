import type { Core } from '@strapi/strapi';

import type { GetFirmOverviewResponse } from '../../../shared/contracts/overview';
import { getService } from '../utils';
import { assertQueryKeys } from './validation';

const overview = ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(ctx: { query: Record<string, unknown>; body: unknown }) {
    assertQueryKeys(ctx.query, []);
    const body: GetFirmOverviewResponse = { data: await getService(strapi, 'overview').get() };
    ctx.body = body;
  },
});

export default overview;
