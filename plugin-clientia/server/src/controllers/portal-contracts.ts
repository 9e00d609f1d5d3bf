import type { Core } from '@strapi/strapi';

import { portalQuery } from '../../../shared/contracts/portal';
import { listPortalContractsQuery } from '../../../shared/contracts/portal-contracts';
import { declineContractRequest, signContractRequest, signingViewQuery } from '../../../shared/contracts/signing';
import { CONTRACT_NOT_FOUND, contractFile, findContract, listContracts } from '../portal/contracts/contracts';
import { requestedId } from '../http/record-id';
import { sendAttachment, type AttachmentContext } from '../http/downloads';
import { portalContext, type PortalContext } from '../portal/context';
import { parseBody, parseQuery } from '../validation/parse';
import { SIGNING_BODY } from '../validation/signing';
import { signingLocaleOf } from '../signing/consent';
import { sendCompletedFile, signerOf, type SigningHttpContext } from '../signing/http';
import { verifyContract } from '../signing/verify';
import { portalSigningView } from '../signing/views';
import { decline, openForSigning, sign, visibleContractId, type Caller } from '../signing/workflow';
import { completedFileOf } from '../signing/staff';

/** What the portal's read controllers use of Koa's context. */
export interface PortalReadContext extends AttachmentContext {
  params: Record<string, string | undefined>;
  query: Record<string, unknown>;
  state: { portal?: PortalContext };
}

type PortalSigningContext = PortalReadContext & SigningHttpContext;

const callerOf = (portal: PortalContext): Caller => ({ clientId: portal.client.id, membershipId: portal.membership.id, email: portal.user.email });

const portalContracts = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: PortalReadContext) {
    const query = parseQuery(listPortalContractsQuery, ctx.query);
    ctx.body = await listContracts(strapi, portalContext(ctx), query);
  },

  async findOne(ctx: PortalReadContext) {
    parseQuery(portalQuery, ctx.query);
    ctx.body = await findContract(strapi, portalContext(ctx), requestedId(ctx.params, CONTRACT_NOT_FOUND));
  },

  async file(ctx: PortalReadContext) {
    parseQuery(portalQuery, ctx.query);
    const { file, filename } = await contractFile(strapi, portalContext(ctx), requestedId(ctx.params, CONTRACT_NOT_FOUND));
    sendAttachment(ctx, file, filename);
  },

  /** What signing asks of the caller, with the consent text; opening it on their turn is a `viewed` event. */
  async signing(ctx: PortalSigningContext) {
    const { locale: asked } = parseQuery(signingViewQuery, ctx.query);
    const portal = portalContext(ctx);
    // The language of the consent text: as asked, else the client's, else English.
    const locale = asked ?? signingLocaleOf(portal.client.preferredLocale);
    const state = await openForSigning(strapi, callerOf(portal), requestedId(ctx.params, CONTRACT_NOT_FOUND), signerOf(strapi, ctx));
    ctx.body = { data: portalSigningView(state, portal.membership.id, locale) };
  },

  async sign(ctx: PortalSigningContext) {
    parseQuery(portalQuery, ctx.query);
    const portal = portalContext(ctx);
    const documentId = requestedId(ctx.params, CONTRACT_NOT_FOUND);
    const input = parseBody(signContractRequest, ctx.request.body, SIGNING_BODY);
    ctx.body = { data: portalSigningView(await sign(strapi, callerOf(portal), documentId, input, signerOf(strapi, ctx)), portal.membership.id, signingLocaleOf(portal.client.preferredLocale)) };
  },

  async decline(ctx: PortalSigningContext) {
    parseQuery(portalQuery, ctx.query);
    const portal = portalContext(ctx);
    const documentId = requestedId(ctx.params, CONTRACT_NOT_FOUND);
    const input = parseBody(declineContractRequest, ctx.request.body, SIGNING_BODY);
    ctx.body = { data: portalSigningView(await decline(strapi, callerOf(portal), documentId, input, signerOf(strapi, ctx)), portal.membership.id, signingLocaleOf(portal.client.preferredLocale)) };
  },

  async signedFile(ctx: PortalSigningContext) {
    parseQuery(portalQuery, ctx.query);
    const portal = portalContext(ctx);
    const contractId = await visibleContractId(strapi, callerOf(portal), requestedId(ctx.params, CONTRACT_NOT_FOUND));
    await sendCompletedFile(strapi, ctx, await completedFileOf(strapi, { id: contractId }));
  },

  /** The same check staff run: the chain recomputed and both PDFs hashed again from storage. */
  async verification(ctx: PortalSigningContext) {
    parseQuery(portalQuery, ctx.query);
    const portal = portalContext(ctx);
    const contractId = await visibleContractId(strapi, callerOf(portal), requestedId(ctx.params, CONTRACT_NOT_FOUND));
    ctx.body = { data: await verifyContract(strapi, { id: contractId }) };
  },
});

export default portalContracts;
