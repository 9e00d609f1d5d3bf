import type { Core } from '@strapi/strapi';

import { PORTAL_CONTRACT_SORTS, PORTAL_CONTRACT_STATUSES } from '../../../shared/contracts/portal-contracts';
import { CONTRACT_NOT_FOUND, contractFile, findContract, listContracts } from '../portal/contracts/contracts';
import { requestedId } from '../portal/record-id';
import { sendAttachment, type AttachmentContext } from '../portal/stored-file';
import { CLIENT_QUERY_KEY, portalContext, type PortalContext } from '../portal/context';
import { parseListQuery } from '../portal/list-query';
import { assertQueryKeys } from './validation';
import { fieldError } from '../domain/errors';
import { isSigningLocale, signingLocaleOf } from '../signing/consent';
import { answerRefusals, sendCompletedFile, signerOf, type SigningHttpContext } from '../signing/http';
import { parseSignRequest } from '../signing/input';
import { verifyContract } from '../signing/verify';
import { portalSigningView } from '../signing/views';
import { decline, openForSigning, sign, visibleContractId, type Caller } from '../signing/workflow';
import { getService } from '../utils';

/** What the portal's read controllers use of Koa's context. */
export interface PortalReadContext extends AttachmentContext {
  params: Record<string, string | undefined>;
  query: Record<string, unknown>;
  state: { portal?: PortalContext };
}

type PortalSigningContext = PortalReadContext & SigningHttpContext;

const callerOf = (portal: PortalContext): Caller => ({ clientId: portal.client.id, membershipId: portal.membership.id, email: portal.user.email });

/** The language of the consent text: as asked, else the client's, else English. */
const signingLocale = (ctx: PortalReadContext, portal: PortalContext) => {
  const asked = ctx.query.locale;
  if (asked === undefined) return signingLocaleOf(portal.client.preferredLocale);
  if (!isSigningLocale(asked)) throw fieldError('locale', 'must be en or de');
  return asked;
};

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

  /** What signing asks of the caller, with the consent text; opening it on their turn is a `viewed` event. */
  async signing(ctx: PortalSigningContext) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY, 'locale']);
    const portal = portalContext(ctx);
    const locale = signingLocale(ctx, portal);
    const state = await openForSigning(strapi, callerOf(portal), requestedId(ctx.params, CONTRACT_NOT_FOUND), signerOf(strapi, ctx));
    ctx.body = { data: portalSigningView(state, portal.membership.id, locale) };
  },

  async sign(ctx: PortalSigningContext) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
    const portal = portalContext(ctx);
    const documentId = requestedId(ctx.params, CONTRACT_NOT_FOUND);
    const input = parseSignRequest(ctx.request.body);
    await answerRefusals(ctx, async () =>
      portalSigningView(await sign(strapi, callerOf(portal), documentId, input, signerOf(strapi, ctx)), portal.membership.id, signingLocaleOf(portal.client.preferredLocale))
    );
  },

  async decline(ctx: PortalSigningContext) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
    const portal = portalContext(ctx);
    const documentId = requestedId(ctx.params, CONTRACT_NOT_FOUND);
    await answerRefusals(ctx, async () =>
      portalSigningView(await decline(strapi, callerOf(portal), documentId, ctx.request.body, signerOf(strapi, ctx)), portal.membership.id, signingLocaleOf(portal.client.preferredLocale))
    );
  },

  async signedFile(ctx: PortalSigningContext) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
    const portal = portalContext(ctx);
    const contractId = await visibleContractId(strapi, callerOf(portal), requestedId(ctx.params, CONTRACT_NOT_FOUND));
    await sendCompletedFile(strapi, ctx, await getService(strapi, 'signing').completedFile({ id: contractId }));
  },

  /** The same check staff run: the chain recomputed and both PDFs hashed again from storage. */
  async verification(ctx: PortalSigningContext) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
    const portal = portalContext(ctx);
    const contractId = await visibleContractId(strapi, callerOf(portal), requestedId(ctx.params, CONTRACT_NOT_FOUND));
    ctx.body = { data: await verifyContract(strapi, { id: contractId }) };
  },
});

export default portalContracts;
