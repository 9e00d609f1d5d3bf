import type { Core } from '@strapi/strapi';

import type { SecondFactor, SignedIn, SignInMethod, SignInStep } from '../../../shared/contracts/sign-in';
import { fieldError, refusal } from '../domain/errors';
import { STRAPI_UID, UID } from '../constants';
import { records } from '../repositories/records';
import type { Row } from '../repositories/rows';
import { recordSignInEvent } from './activity';
import { requestContext, type SignInHttpContext } from './request';
import { isPortalClient } from './requirement';
import { endSessions, openSession } from './sessions';
import { afterFirstFactor } from './steps';
import { ACTIVE_MEMBERSHIP } from '../repositories/memberships';

/**
 * Compared against when the address has no account (or no password), so an unknown address costs
 * the same bcrypt work as a known one and the answer's timing does not tell them apart. Cost 10,
 * as users-permissions hashes passwords.
 */
const STAND_IN_HASH = '$2a$10$y8lPDUgZzNKOyJ89pnIbgeEgT/JzfDW6GtuJ8biDRsLlAJNkO3q5G';

const WRONG_CREDENTIALS = 'Wrong email or password';

interface UserService {
  validatePassword(password: string, hash: string): Promise<boolean>;
  edit(userId: number, params: Record<string, unknown>): Promise<unknown>;
}

const userService = (strapi: Core.Strapi) => strapi.plugin('users-permissions').service('user') as unknown as UserService;

/** users-permissions' own comparison, so a password is right here exactly when it is right for `/api/auth/local`. */
const passwordMatches = async (strapi: Core.Strapi, password: string, hash: string | null | undefined): Promise<boolean> => {
  const matches = await userService(strapi).validatePassword(password, hash || STAND_IN_HASH);
  return Boolean(hash) && matches;
};

interface AdvancedSettings {
  email_confirmation?: boolean;
}

/** users-permissions refuses unconfirmed accounts only when the app asks for email confirmation. */
const confirmationRequired = async (strapi: Core.Strapi) => {
  const advanced = (await strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' }).get({})) as AdvancedSettings | null;
  return advanced?.email_confirmation === true;
};

const hasPortalAccess = async (strapi: Core.Strapi, userId: number) => {
  const memberships = await records(strapi, UID.membership).findMany({
    select: ['id'],
    where: { user: { id: userId }, ...ACTIVE_MEMBERSHIP },
    populate: { client: { select: ['id', 'portalEnabled', 'state'] } },
  });
  return memberships.some((membership) => isPortalClient(membership.client as Row | null));
};

/**
 * The password step of a portal sign-in. An unknown address, a wrong password and a blocked
 * account get the same 401 after the same bcrypt work; only a right password learns more (403
 * without portal access, or what comes next). Failures of known contacts go to the activity log.
 */
export const signInWithPassword = async (strapi: Core.Strapi, ctx: SignInHttpContext, input: { email: string; password: string }): Promise<SignInStep> => {
  const user = await records(strapi, STRAPI_UID.user).findOne({
    select: ['id', 'email', 'password', 'blocked', 'confirmed'],
    where: { email: input.email, provider: 'local' },
  });
  const hash = typeof user?.password === 'string' ? user.password : null;
  const right = await passwordMatches(strapi, input.password, hash);

  const refuse = (reason: string): never => {
    if (user) {
      const { ip, userAgent } = requestContext(ctx, strapi);
      // Not awaited: the log write must not make a known address answer slower than an unknown one.
      recordSignInEvent(strapi, { userId: Number(user.id), verb: 'sign-in-failed', details: { method: 'password', secondFactor: null, ip, userAgent, reason } }).catch(
        (error: unknown) => strapi.log.warn(`Could not record a failed sign-in: ${(error as Error).message}`)
      );
    }
    throw refusal(401, WRONG_CREDENTIALS);
  };

  if (!user || !right) return refuse(user ? 'wrong-password' : 'unknown');
  if (user.blocked === true) return refuse('blocked');
  if (user.confirmed !== true && (await confirmationRequired(strapi))) return refuse('unconfirmed');
  if (!(await hasPortalAccess(strapi, Number(user.id)))) throw refusal(403, 'This account has no client portal access');

  return afterFirstFactor(strapi, ctx, { userId: Number(user.id), method: 'password' });
};

/**
 * A contact changes their password: the current one is checked, every session (this one too) ends,
 * and a fresh session opens with what this one had proved, so the device that made the change stays
 * signed in and every other device is signed out.
 */
export const changePassword = async (
  strapi: Core.Strapi,
  ctx: SignInHttpContext,
  input: { userId: number; currentPassword: string; password: string; session: { method: SignInMethod; secondFactor: SecondFactor } | null }
): Promise<SignedIn> => {
  const user = await records(strapi, STRAPI_UID.user).findOne({ select: ['id', 'password'], where: { id: input.userId } });
  const hash = typeof user?.password === 'string' ? user.password : null;
  if (!user || !(await passwordMatches(strapi, input.currentPassword, hash))) {
    throw fieldError('currentPassword', 'is not your current password');
  }
  // Through users-permissions' own user service, which stores the password as a bcrypt hash.
  await userService(strapi).edit(input.userId, { password: input.password });
  const ended = await endSessions(strapi, input.userId, { reason: 'password-changed' });
  const { ip, userAgent } = requestContext(ctx, strapi);
  await recordSignInEvent(strapi, { userId: input.userId, verb: 'password-changed', details: { ip, userAgent, sessionsEnded: ended } });
  return openSession(strapi, ctx, {
    userId: input.userId,
    method: input.session?.method ?? 'password',
    secondFactor: input.session?.secondFactor ?? 'none',
  });
};
