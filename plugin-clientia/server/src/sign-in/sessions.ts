import type { Core } from '@strapi/strapi';

import type { SignInSessionSummary, SecondFactor, SignedIn, SignInMethod } from '../../../shared/contracts/sign-in';
import { records } from '../repositories/records';
import type { Row } from '../repositories/rows';
import { recordSignInEvent } from './activity';
import { passwordStamp, sameSecret } from './crypto';
import { placeOf } from './place';
import { requestContext, type SignInHttpContext } from './request';
import { UID, STRAPI_UID } from '../constants';

/** users-permissions' own default, for a token issued without an expiry. */
const DEFAULT_LIFETIME_MS = 30 * 24 * 60 * 60_000;

/**
 * One sign-in of a contact, as the plugin records it (content type `portal-session`): how they
 * signed in, on which device, and whether it has ended. Not the portal's browser session.
 */
export interface SignInSession {
  id: number;
  /** The `sid` its token carries. */
  documentId: string;
  userId: number;
  method: SignInMethod;
  secondFactor: SecondFactor;
  passwordStamp: string | null;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date | null;
  expiresAt: Date;
  endedAt: Date | null;
}

/** Why sessions were ended, as the rows and the activity log record it. */
type SessionEndReason = 'signed-out' | 'ended-by-contact' | 'ended-others' | 'ended-all' | 'password-changed' | 'two-factor-reset' | (string & {});

interface JwtService {
  issue(payload: Record<string, unknown>, options?: Record<string, unknown>): string | Promise<string>;
  verify(token: string): Promise<Record<string, unknown>>;
}

interface UpdateManyQuery {
  updateMany(params: { where: Record<string, unknown>; data: Record<string, unknown> }): Promise<{ count: number }>;
  deleteMany(params: { where: Record<string, unknown> }): Promise<{ count: number }>;
}

/** Sessions that ended or expired are kept this long (the activity log keeps the sign-ins for good), then removed. */
const KEEP_DEAD_SESSIONS_MS = 30 * 24 * 60 * 60_000;

const jwtService = (strapi: Core.Strapi) => strapi.plugin('users-permissions').service('jwt') as unknown as JwtService;
const sessionWrites = (strapi: Core.Strapi) => strapi.db.query(UID.signInSession as never) as unknown as UpdateManyQuery;

const claimsOf = (token: string): Record<string, unknown> => {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
};

const lifetimes = new WeakMap<Core.Strapi, number>();

/**
 * How long a users-permissions token lives, read from a token it issues (so whatever form the app
 * configured, '8h' or seconds, is understood exactly as users-permissions understands it).
 */
const tokenLifetimeMs = async (strapi: Core.Strapi): Promise<number> => {
  const known = lifetimes.get(strapi);
  if (known !== undefined) return known;
  const claims = claimsOf(String(await jwtService(strapi).issue({ id: 0 })));
  const lifetime = typeof claims.exp === 'number' && typeof claims.iat === 'number' ? (claims.exp - claims.iat) * 1000 : DEFAULT_LIFETIME_MS;
  lifetimes.set(strapi, lifetime);
  return lifetime;
};

const date = (value: unknown) => (value === null || value === undefined || value === '' ? null : new Date(value as string));

const toSignInSession = (row: Row, userId?: number): SignInSession => ({
  id: Number(row.id),
  documentId: String(row.documentId),
  userId: userId ?? Number((row.user as Row | null)?.id),
  method: row.method as SignInMethod,
  secondFactor: (row.secondFactor as SecondFactor) ?? 'none',
  passwordStamp: typeof row.passwordStamp === 'string' ? row.passwordStamp : null,
  ip: typeof row.ip === 'string' ? row.ip : null,
  userAgent: typeof row.userAgent === 'string' ? row.userAgent : null,
  createdAt: new Date(row.createdAt as string),
  lastSeenAt: date(row.lastSeenAt),
  expiresAt: new Date(row.expiresAt as string),
  endedAt: date(row.endedAt),
});

/** A session the token of which still works: not ended, not expired, opened under the current password. */
export const isLive = (session: SignInSession, passwordHash: string | null | undefined, now = new Date()) =>
  !session.endedAt && session.expiresAt.getTime() > now.getTime() && sameSecret(session.passwordStamp ?? '', passwordStamp(passwordHash));

/** Whether the session proved more than one factor: a code after the first, or a passkey with user verification. */
export const hasSecondFactor = (session: Pick<SignInSession, 'method' | 'secondFactor'>) =>
  session.secondFactor !== 'none' || session.method === 'passkey';

/**
 * Completes a sign-in: a session row for the device, the users-permissions token naming it (`sid`),
 * and the `signed-in` entry in the activity log. The portal keeps the token server-side.
 */
export const openSession = async (
  strapi: Core.Strapi,
  ctx: SignInHttpContext | null,
  input: { userId: number; method: SignInMethod; secondFactor: SecondFactor }
): Promise<SignedIn> => {
  const user = await records(strapi, STRAPI_UID.user).findOne({ select: ['id', 'email', 'password'], where: { id: input.userId } });
  if (!user) throw new Error(`openSession: user ${input.userId} does not exist`);
  const facts = ctx ? requestContext(ctx, strapi) : { ip: null, userAgent: null };
  const now = new Date();
  const longAgo = new Date(now.getTime() - KEEP_DEAD_SESSIONS_MS);
  await sessionWrites(strapi).deleteMany({ where: { $or: [{ expiresAt: { $lt: longAgo } }, { endedAt: { $lt: longAgo } }] } });
  const row = (await strapi.db.query(UID.signInSession as never).create({
    data: {
      user: input.userId,
      method: input.method,
      secondFactor: input.secondFactor,
      passwordStamp: passwordStamp(typeof user.password === 'string' ? user.password : null),
      userAgent: facts.userAgent,
      ip: facts.ip,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + (await tokenLifetimeMs(strapi))),
    } as never,
  })) as Row;
  const jwt = String(await jwtService(strapi).issue({ id: input.userId, sid: row.documentId }));
  await recordSignInEvent(strapi, {
    userId: input.userId,
    verb: 'signed-in',
    details: { method: input.method, secondFactor: input.secondFactor, ip: facts.ip, userAgent: facts.userAgent, session: String(row.documentId) },
  });
  return {
    status: 'signed-in',
    jwt,
    user: { id: input.userId, email: String(user.email ?? '') },
    session: { id: String(row.documentId), method: input.method, secondFactor: input.secondFactor },
  };
};

const bearerOf = (ctx: { request: { headers: Record<string, string | string[] | undefined> } }) => {
  const value = ctx.request.headers.authorization;
  const match = /^Bearer\s+(\S+)$/i.exec((Array.isArray(value) ? value[0] : value) ?? '');
  return match ? match[1]! : null;
};

/**
 * The `sid` of the request's token, or null for a token without one (from `/api/auth/local`). The
 * token is verified again rather than only decoded: this must never read a claim nobody signed.
 */
export const signInSessionIdOf = async (strapi: Core.Strapi, ctx: { request: { headers: Record<string, string | string[] | undefined> } }): Promise<string | null> => {
  const token = bearerOf(ctx);
  if (!token) return null;
  try {
    const claims = await jwtService(strapi).verify(token);
    return typeof claims.sid === 'string' && claims.sid ? claims.sid : null;
  } catch {
    return null;
  }
};

/** A session by its documentId, for that contact only. */
const findSession = async (strapi: Core.Strapi, userId: number, documentId: string): Promise<SignInSession | null> => {
  const row = await records(strapi, UID.signInSession).findOne({ where: { documentId, user: { id: userId } } });
  return row ? toSignInSession(row, userId) : null;
};
/**
 * Ends the contact's open sessions (all but `except`, when given); their tokens are refused from
 * the next request on. Returns how many were ended.
 */
export const endSessions = async (strapi: Core.Strapi, userId: number, options: { except?: string; reason: SessionEndReason }): Promise<number> => {
  const open = await records(strapi, UID.signInSession).findMany({
    select: ['id', 'documentId'],
    where: { user: { id: userId }, endedAt: null, ...(options.except ? { documentId: { $ne: options.except } } : {}) },
  });
  if (open.length === 0) return 0;
  const { count } = await sessionWrites(strapi).updateMany({
    where: { id: { $in: open.map((row) => Number(row.id)) }, endedAt: null },
    data: { endedAt: new Date(), endedReason: String(options.reason).slice(0, 64) },
  });
  return count;
};

/** Ends one session of the contact; false when it is not theirs, unknown or already ended. */
export const endSession = async (strapi: Core.Strapi, userId: number, documentId: string, reason: SessionEndReason): Promise<boolean> => {
  const session = await findSession(strapi, userId, documentId);
  if (!session || session.endedAt) return false;
  const { count } = await sessionWrites(strapi).updateMany({
    where: { id: session.id, endedAt: null },
    data: { endedAt: new Date(), endedReason: String(reason).slice(0, 64) },
  });
  return count === 1;
};

/** Records what the session has proved since it was opened (an authenticator app set up in it). */
export const setSessionSecondFactor = async (strapi: Core.Strapi, sessionId: number, secondFactor: SecondFactor): Promise<void> => {
  await sessionWrites(strapi).updateMany({ where: { id: sessionId }, data: { secondFactor } });
};

/** How often `lastSeenAt` is written: often enough for the session list, rarely enough to cost nothing. */
const LAST_SEEN_EVERY_MS = 60_000;

export const touchSession = async (strapi: Core.Strapi, session: SignInSession, now = new Date()): Promise<void> => {
  if (session.lastSeenAt && now.getTime() - session.lastSeenAt.getTime() < LAST_SEEN_EVERY_MS) return;
  await sessionWrites(strapi).updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  session.lastSeenAt = now;
};

/** The contact's sessions whose tokens still work, most recently used first. */
export const listSessions = async (
  strapi: Core.Strapi,
  user: { id: number; password?: string | null },
  currentSessionId: string | null,
  now = new Date()
): Promise<SignInSessionSummary[]> => {
  const rows = await records(strapi, UID.signInSession).findMany({
    where: { user: { id: user.id }, endedAt: null, expiresAt: { $gt: now } },
    orderBy: [{ lastSeenAt: 'desc' }, { id: 'desc' }],
    limit: 200,
  });
  return rows
    .map((row) => toSignInSession(row, user.id))
    .filter((session) => isLive(session, user.password, now))
    .map((session) => ({
      id: session.documentId,
      current: session.documentId === currentSessionId,
      method: session.method,
      secondFactor: session.secondFactor,
      userAgent: session.userAgent,
      ip: session.ip,
      place: placeOf(session.ip),
      createdAt: session.createdAt.toISOString(),
      lastSeenAt: (session.lastSeenAt ?? session.createdAt).toISOString(),
    }));
};
