import type { Core } from '@strapi/strapi';

import type { EnrolledAndSignedIn, RecoveryCodes, SignedIn, TotpEnrolment } from '../../../shared/contracts/sign-in';
import { fieldError } from '../domain/errors';
import { CLIENT_QUERY_KEY, portalContext } from '../portal/context';
import { CHALLENGE_TOKEN } from '../sign-in/challenges';
import { readRecoveryCode } from '../sign-in/recovery-codes';
import { requestContext } from '../sign-in/request';
import { setSessionSecondFactor } from '../sign-in/sessions';
import { readTotpCode } from '../sign-in/totp';
import {
  completeSecondFactor,
  confirmEnrolment,
  confirmEnrolmentForChallenge,
  disableTwoFactor,
  enrolmentForChallenge,
  renewRecoveryCodes,
  startEnrolment,
  type SecondFactorProof,
} from '../sign-in/two-factor';
import { answerRefusal } from '../sign-in/two-factor-refusal';
import type { SecurityRequest } from './portal-security';
import type { SignInRequest } from './sign-in';
import { assertBodyKeys, assertQueryKeys } from './validation';

const readChallengeToken = (body: Record<string, unknown>): string => {
  const value = body.challenge;
  if (typeof value !== 'string' || !value) throw fieldError('challenge', 'is required: the challenge from the previous sign-in step');
  if (!CHALLENGE_TOKEN.test(value)) throw fieldError('challenge', 'is not a sign-in challenge');
  return value;
};

/** Exactly one of `code` (from the app) and `recoveryCode`. */
const readProof = (body: Record<string, unknown>): SecondFactorProof => {
  const hasCode = body.code !== undefined;
  const hasRecovery = body.recoveryCode !== undefined;
  if (hasCode && hasRecovery) throw fieldError('recoveryCode', 'send either code or recoveryCode, not both');
  if (hasRecovery) return { recoveryCode: readRecoveryCode(body.recoveryCode) };
  return { code: readTotpCode(body.code) };
};

/** A body that may be left out, or be `{}`. */
const assertEmptyBody = (body: unknown) => {
  if (body === undefined || body === null || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0)) return;
  assertBodyKeys(body, []);
};

type PublicCtx = SignInRequest & { status: number };

/**
 * Authenticator codes and recovery codes: the step after the first factor and setting up an app
 * during a sign-in (public, the challenge is the credential), and the contact's own settings
 * (portal). Answers carry secrets shown once, so none is cached.
 */
const twoFactor = ({ strapi }: { strapi: Core.Strapi }) => ({
  async secondFactor(ctx: PublicCtx) {
    assertQueryKeys(ctx.query, []);
    const body = assertBodyKeys(ctx.request.body, ['challenge', 'code', 'recoveryCode']);
    const challenge = readChallengeToken(body);
    const proof = readProof(body);
    await answerRefusal(ctx, async () => {
      const data: SignedIn = await completeSecondFactor(strapi, ctx, challenge, proof);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data };
    });
  },

  async enrolment(ctx: PublicCtx) {
    assertQueryKeys(ctx.query, []);
    const challenge = readChallengeToken(assertBodyKeys(ctx.request.body, ['challenge']));
    await answerRefusal(ctx, async () => {
      const data: TotpEnrolment = await enrolmentForChallenge(strapi, challenge);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data };
    });
  },

  async confirmEnrolment(ctx: PublicCtx) {
    assertQueryKeys(ctx.query, []);
    const body = assertBodyKeys(ctx.request.body, ['challenge', 'code']);
    const challenge = readChallengeToken(body);
    const code = readTotpCode(body.code);
    await answerRefusal(ctx, async () => {
      const data: EnrolledAndSignedIn = await confirmEnrolmentForChallenge(strapi, ctx, challenge, code);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data };
    });
  },

  async start(ctx: SecurityRequest) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
    assertEmptyBody(ctx.request.body);
    const portal = portalContext(ctx);
    await answerRefusal(ctx, async () => {
      const data: TotpEnrolment = await startEnrolment(strapi, portal.user.id);
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = { data };
    });
  },

  async confirm(ctx: SecurityRequest) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
    const code = readTotpCode(assertBodyKeys(ctx.request.body, ['code']).code);
    const portal = portalContext(ctx);
    await answerRefusal(ctx, async () => {
      const data: RecoveryCodes = await confirmEnrolment(strapi, portal.user.id, code, requestContext(ctx, strapi), 'portal');
      // This session has now shown a code: it stays usable once two-factor is on for the account.
      if (portal.session) await setSessionSecondFactor(strapi, portal.session.id, 'totp');
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = { data };
    });
  },

  async disable(ctx: SecurityRequest) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
    const proof = readProof(assertBodyKeys(ctx.request.body, ['code', 'recoveryCode']));
    const portal = portalContext(ctx);
    await answerRefusal(ctx, async () => {
      await disableTwoFactor(strapi, portal.user.id, proof, requestContext(ctx, strapi));
      ctx.body = { data: { ok: true } };
    });
  },

  async renewRecoveryCodes(ctx: SecurityRequest) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
    const code = readTotpCode(assertBodyKeys(ctx.request.body, ['code']).code);
    const portal = portalContext(ctx);
    await answerRefusal(ctx, async () => {
      const data: RecoveryCodes = await renewRecoveryCodes(strapi, portal.user.id, code, requestContext(ctx, strapi));
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = { data };
    });
  },
});

export default twoFactor;
