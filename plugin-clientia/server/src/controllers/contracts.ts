import type { Core } from '@strapi/strapi';

import { getService } from '../utils';
import { documentIdParam, type AdminContext } from './context';
import { assertQueryKeys } from './validation';

/** Staff views of contracts that the Content Manager cannot give. */
const contracts = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Recomputes the contract's signing trail and says what, if anything, does not match. */
  async verify(ctx: AdminContext) {
    assertQueryKeys(ctx.query, []);
    ctx.body = { data: await getService(strapi, 'signing').verify(documentIdParam(ctx)) };
  },
});

export default contracts;
