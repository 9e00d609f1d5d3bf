import type { Core } from '@strapi/strapi';

import type { SecondFactor, SignInMethod } from '../../../shared/contracts/sign-in';
import { PLUGIN_ID } from '../../../shared/plugin';
import { columnOf, linkTable } from '../repositories/records';
import { hasSecondFactor, isLive, touchSession, type SignInSession } from './sessions';
import { DEFAULT_SIGN_IN_SETTINGS } from './settings';
import { UID } from '../constants';
import { refusal } from '../domain/errors';

const SIGN_IN_ENDED = 'This sign-in has ended';
const NO_SESSION = 'This token belongs to no sign-in session: sign in through the portal';
const TWO_FACTOR_REQUIRED = 'Two-factor authentication is required';

/** The 403 the portal answers when a second factor is missing: `details.reason` tells the portal to ask for one. */
const twoFactorRequiredError = () => refusal(403, TWO_FACTOR_REQUIRED, { reason: 'two-factor-required' });

interface FactsRow {
  id?: unknown;
  documentId?: unknown;
  method?: unknown;
  secondFactor?: unknown;
  passwordStamp?: unknown;
  ip?: unknown;
  userAgent?: unknown;
  createdAt?: unknown;
  lastSeenAt?: unknown;
  expiresAt?: unknown;
  endedAt?: unknown;
  twoFactors?: unknown;
  settings?: unknown;
}

const when = (value: unknown) => (value === null || value === undefined || value === '' ? null : new Date(value as string | number));

const portalRequires = (stored: unknown): boolean => {
  if (typeof stored !== 'string') return DEFAULT_SIGN_IN_SETTINGS.requireTwoFactor;
  try {
    const value = JSON.parse(stored) as { requireTwoFactor?: unknown } | null;
    return typeof value?.requireTwoFactor === 'boolean' ? value.requireTwoFactor : DEFAULT_SIGN_IN_SETTINGS.requireTwoFactor;
  } catch {
    return DEFAULT_SIGN_IN_SETTINGS.requireTwoFactor;
  }
};

/**
 * Everything the portal policy needs to know about the caller's sign-in, in one statement: the
 * session the token names (only if it is this contact's), whether the
 * contact has an authenticator app set up, and the firm's portal-wide setting.
 */
const readFacts = async (strapi: Core.Strapi, userId: number, sessionId: string): Promise<FactsRow | undefined> => {
  const knex = strapi.db.connection;
  const twoFactorTable = strapi.db.metadata.get(UID.twoFactor).tableName;
  const twoFactorUser = linkTable(strapi, UID.twoFactor, 'user');
  const twoFactors = knex({ tf: twoFactorTable })
    .join({ tfu: twoFactorUser.name }, `tfu.${twoFactorUser.joinColumn.name}`, 'tf.id')
    .where(`tfu.${twoFactorUser.inverseJoinColumn.name}`, userId)
    .whereNotNull(`tf.${columnOf(strapi, UID.twoFactor, 'confirmedAt')}`)
    .count({ n: '*' });
  const settings = knex(strapi.db.metadata.get('strapi::core-store').tableName)
    .select('value')
    .where('key', `plugin_${PLUGIN_ID}_sign-in`)
    .whereNull('environment')
    .whereNull('tag')
    .limit(1);
  const sessionUser = linkTable(strapi, UID.signInSession, 'user');
  const s = (attribute: string) => `s.${columnOf(strapi, UID.signInSession, attribute)}`;
  return (await knex({ s: strapi.db.metadata.get(UID.signInSession).tableName })
    .join({ su: sessionUser.name }, `su.${sessionUser.joinColumn.name}`, 's.id')
    .where(s('documentId'), sessionId)
    .where(`su.${sessionUser.inverseJoinColumn.name}`, userId)
    .select({
      id: 's.id',
      documentId: s('documentId'),
      method: s('method'),
      secondFactor: s('secondFactor'),
      passwordStamp: s('passwordStamp'),
      ip: s('ip'),
      userAgent: s('userAgent'),
      createdAt: s('createdAt'),
      lastSeenAt: s('lastSeenAt'),
      expiresAt: s('expiresAt'),
      endedAt: s('endedAt'),
    })
    .select(twoFactors.as('twoFactors'), settings.as('settings'))
    .first()) as FactsRow | undefined;
};

const toSession = (row: FactsRow, userId: number): SignInSession => ({
  id: Number(row.id),
  documentId: String(row.documentId),
  userId,
  method: row.method as SignInMethod,
  secondFactor: (row.secondFactor as SecondFactor | null) ?? 'none',
  passwordStamp: typeof row.passwordStamp === 'string' ? row.passwordStamp : null,
  ip: typeof row.ip === 'string' ? row.ip : null,
  userAgent: typeof row.userAgent === 'string' ? row.userAgent : null,
  createdAt: when(row.createdAt) ?? new Date(0),
  lastSeenAt: when(row.lastSeenAt),
  expiresAt: when(row.expiresAt) ?? new Date(0),
  endedAt: when(row.endedAt),
});

/**
 * The sign-in rules of every portal request. A token naming a session works only while that
 * session is live (not ended, not expired, opened under the current password): 401 otherwise. A
 * contact who needs two-factor authentication (set up, or required by the firm for the portal or
 * by one of their clients) gets 403 with `details.reason: 'two-factor-required'` unless the
 * session proved a second factor. A token without a session is refused (401).
 */
export const checkSignIn = async (
  strapi: Core.Strapi,
  input: { user: { id: number; password?: string | null }; sessionId: string | null; requiredByClient: boolean; now?: Date }
): Promise<SignInSession> => {
  const now = input.now ?? new Date();
  // A token that names no session (users-permissions' own, which contacts no longer get) could
  // not be ended by signing out, a password change or a reset: it opens nothing.
  if (!input.sessionId) throw refusal(401, NO_SESSION, { reason: 'sign-in-ended' });
  const row = await readFacts(strapi, input.user.id, input.sessionId);
  if (!row) throw refusal(401, SIGN_IN_ENDED, { reason: 'sign-in-ended' });
  const session = toSession(row, input.user.id);
  if (!isLive(session, input.user.password, now)) throw refusal(401, SIGN_IN_ENDED, { reason: 'sign-in-ended' });

  if (!hasSecondFactor(session)) {
    const needed = input.requiredByClient || Number(row.twoFactors ?? 0) > 0 || portalRequires(row.settings);
    if (needed) throw twoFactorRequiredError();
  }
  await touchSession(strapi, session, now);
  return session;
};
