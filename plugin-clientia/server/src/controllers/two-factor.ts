import type { Core } from '@strapi/strapi';

import {
  disableTwoFactorRequest,
  secondFactorRequest,
  signInEnrolmentConfirmation,
  signInEnrolmentRequest,
  startTwoFactorRequest,
  totpCodeRequest,
  type EnrolledAndSignedIn,
  type RecoveryCodes,
  type SignedIn,
  type TotpEnrolment,
} from '../../../shared/contracts/sign-in';
import { noQuery } from '../../../shared/contracts/fields';
import { portalQuery } from '../../../shared/contracts/portal';
import { portalContext } from '../portal/context';
import { requestContext } from '../sign-in/request';
import { setSessionSecondFactor } from '../sign-in/sessions';
import {
  completeSecondFactor,
  confirmEnrolment,
  confirmEnrolmentForChallenge,
  disableTwoFactor,
  enrolmentForChallenge,
  renewRecoveryCodes,
  startEnrolment,
} from '../sign-in/two-factor';
import type { SecurityRequest } from './portal-security';
import type { SignInRequest } from './sign-in';
import { parseBody, parseQuery } from '../validation/parse';

type PublicCtx = SignInRequest & { status: number };

/**
 * Authenticator codes and recovery codes: the step after the first factor and setting up an app
 * during a sign-in (public, the challenge is the credential), and the contact's own settings
 * (portal). Answers carry secrets shown once, so none is cached.
 */
const twoFactor = ({ strapi }: { strapi: Core.Strapi }) => ({
  async secondFactor(ctx: PublicCtx) {
    parseQuery(noQuery, ctx.query);
    const { challenge, proof } = parseBody(secondFactorRequest, ctx.request.body);
    const data: SignedIn = await completeSecondFactor(strapi, ctx, challenge, proof);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data };
  },

  async enrolment(ctx: PublicCtx) {
    parseQuery(noQuery, ctx.query);
    const { challenge } = parseBody(signInEnrolmentRequest, ctx.request.body);
    const data: TotpEnrolment = await enrolmentForChallenge(strapi, challenge);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data };
  },

  async confirmEnrolment(ctx: PublicCtx) {
    parseQuery(noQuery, ctx.query);
    const { challenge, code } = parseBody(signInEnrolmentConfirmation, ctx.request.body);
    const data: EnrolledAndSignedIn = await confirmEnrolmentForChallenge(strapi, ctx, challenge, code);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data };
  },

  async start(ctx: SecurityRequest) {
    parseQuery(portalQuery, ctx.query);
    parseBody(startTwoFactorRequest, ctx.request.body);
    const portal = portalContext(ctx);
    const data: TotpEnrolment = await startEnrolment(strapi, portal.user.id);
    ctx.set('Cache-Control', 'private, no-store');
    ctx.body = { data };
  },

  async confirm(ctx: SecurityRequest) {
    parseQuery(portalQuery, ctx.query);
    const { code } = parseBody(totpCodeRequest, ctx.request.body);
    const portal = portalContext(ctx);
    const data: RecoveryCodes = await confirmEnrolment(strapi, portal.user.id, code, requestContext(ctx, strapi), 'portal');
    // This session has now shown a code: it stays usable once two-factor is on for the account.
    await setSessionSecondFactor(strapi, portal.signInSession.id, 'totp');
    ctx.set('Cache-Control', 'private, no-store');
    ctx.body = { data };
  },

  async disable(ctx: SecurityRequest) {
    parseQuery(portalQuery, ctx.query);
    const proof = parseBody(disableTwoFactorRequest, ctx.request.body);
    const portal = portalContext(ctx);
    await disableTwoFactor(strapi, portal.user.id, proof, requestContext(ctx, strapi));
    ctx.body = { data: { ok: true } };
  },

  async renewRecoveryCodes(ctx: SecurityRequest) {
    parseQuery(portalQuery, ctx.query);
    const { code } = parseBody(totpCodeRequest, ctx.request.body);
    const portal = portalContext(ctx);
    const data: RecoveryCodes = await renewRecoveryCodes(strapi, portal.user.id, code, requestContext(ctx, strapi));
    ctx.set('Cache-Control', 'private, no-store');
    ctx.body = { data };
  },
});

export default twoFactor;
