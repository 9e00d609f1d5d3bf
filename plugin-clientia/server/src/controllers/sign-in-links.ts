import type { Core } from '@strapi/strapi';

import { signInLinkRedemption, signInLinkRequest, type SignInStep } from '../../../shared/contracts/sign-in';
import { assertLinksOn, redeemSignInLink, requestSignInLink } from '../sign-in/links';
import type { SignInRequest } from './sign-in';
import { noQuery } from '../../../shared/contracts/fields';
import { parseBody, parseQuery } from '../validation/parse';

/**
 * The least time a link request takes to answer, from the start of the handler. Sending a link
 * takes a few queries and an outbox row, refusing an unknown address almost nothing; both answer
 * after the same floor, so the time does not tell whether the address has an account.
 */
export const LINK_REQUEST_FLOOR_MS = 300;

const holdUntil = async (deadline: number) => {
  const left = deadline - performance.now();
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
};

/** Public: asking for a sign-in link by email, and signing in with one. */
const signInLinks = ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: SignInRequest) {
    const started = performance.now();
    parseQuery(noQuery, ctx.query);
    const { email } = parseBody(signInLinkRequest, ctx.request.body);
    await assertLinksOn(strapi);
    try {
      await requestSignInLink(strapi, ctx, email);
    } catch (error) {
      // An error for a known address must not answer differently from an unknown one.
      strapi.log.error(`[clientia] a sign-in link could not be sent: ${(error as Error).message}`);
    }
    await holdUntil(started + LINK_REQUEST_FLOOR_MS);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: { ok: true } };
  },

  async redeem(ctx: SignInRequest & { status: number }) {
    parseQuery(noQuery, ctx.query);
    const { token } = parseBody(signInLinkRedemption, ctx.request.body);
    const data: SignInStep = await redeemSignInLink(strapi, ctx, token);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data };
  },
});

export default signInLinks;
