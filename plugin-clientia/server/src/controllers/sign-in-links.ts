import type { Core } from '@strapi/strapi';

import { signInLinkRedemption, signInLinkRequest, type SignInStep } from '../../../shared/contracts/sign-in';
import { assertLinksOn, redeemSignInLink, requestSignInLink } from '../sign-in/links';
import type { SignInRequest } from './sign-in';
import { noQuery } from '../../../shared/contracts/fields';
import { parseBody, parseQuery } from '../validation/parse';
import { ACCOUNT_QUIET_FLOOR_MS, answerNoSoonerThan } from '../http/answer-floor';

/** The least time a link request takes to answer: the time does not tell whether the address has an account. */
export const LINK_REQUEST_FLOOR_MS = ACCOUNT_QUIET_FLOOR_MS;

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
    await answerNoSoonerThan(started, LINK_REQUEST_FLOOR_MS);
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
