import type { Core } from '@strapi/strapi';

import type { SignInMethod, SignInStep } from '../../../shared/contracts/sign-in';
import { createChallenge } from './challenges';
import type { SignInHttpContext } from './request';
import { twoFactorRequirement } from './requirement';
import { openSession } from './sessions';

/** How long the code may take after the password or the link. */
const SECOND_FACTOR_TTL_MS = 10 * 60_000;
/** Setting up an app (installing it first, perhaps) takes longer than typing a code. */
const ENROLMENT_TTL_MS = 15 * 60_000;

/**
 * What follows a right first factor (password or sign-in link): a code when the contact has an
 * authenticator app, setting one up when the firm requires it and they have none, otherwise the
 * session itself. No session exists before the second factor: there is no token to reach any page with.
 */
export const afterFirstFactor = async (
  strapi: Core.Strapi,
  ctx: SignInHttpContext | null,
  input: { userId: number; method: Exclude<SignInMethod, 'passkey'> }
): Promise<SignInStep> => {
  const requirement = await twoFactorRequirement(strapi, input.userId);
  if (requirement.enabled) {
    const { token, expiresAt } = await createChallenge(strapi, { kind: 'second-factor', userId: input.userId, method: input.method, ttlMs: SECOND_FACTOR_TTL_MS });
    return { status: 'second-factor', challenge: token, expiresAt: expiresAt.toISOString() };
  }
  if (requirement.requiredBy) {
    const { token, expiresAt } = await createChallenge(strapi, { kind: 'enrolment', userId: input.userId, method: input.method, ttlMs: ENROLMENT_TTL_MS });
    return { status: 'enrol-two-factor', challenge: token, expiresAt: expiresAt.toISOString() };
  }
  return openSession(strapi, ctx, { userId: input.userId, method: input.method, secondFactor: 'none' });
};
