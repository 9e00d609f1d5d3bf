import type { Core } from '@strapi/strapi';

import { PORTAL_CONTRACT_SORTS, PORTAL_CONTRACT_STATUSES } from '../../../shared/contracts/portal-contracts';
import { CONTRACT_NOT_FOUND, contractFile, findContract, listContracts } from '../portal/contracts/contracts';
import { requestedId } from '../portal/record-id';
import { sendAttachment, type AttachmentContext } from '../portal/stored-file';
import { CLIENT_QUERY_KEY, portalContext, type PortalContext } from '../portal/context';
import { parseListQuery } from '../portal/list-query';
import { assertQueryKeys } from './validation';

/** What the portal's read controllers use of Koa's context. */
export interface PortalReadContext extends AttachmentContext {
  params: Record<string, string | undefined>;
  query: Record<string, unknown>;
  state: { portal?: PortalContext };
}

const portalContracts = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: PortalReadContext) {
    const query = parseListQuery(ctx.query, {
      sortable: PORTAL_CONTRACT_SORTS,
      defaultSort: { field: 'effectiveDate', direction: 'desc' },
      filters: { status: PORTAL_CONTRACT_STATUSES },
    });
    ctx.body = await listContracts(strapi, portalContext(ctx), query);
  },

  async findOne(ctx: PortalReadContext) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
    ctx.body = await findContract(strapi, portalContext(ctx), requestedId(ctx.params, CONTRACT_NOT_FOUND));
  },

  async file(ctx: PortalReadContext) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
    const { file, filename } = await contractFile(strapi, portalContext(ctx), requestedId(ctx.params, CONTRACT_NOT_FOUND));
    sendAttachment(ctx, file, filename);
  },
});

export default portalContracts;
