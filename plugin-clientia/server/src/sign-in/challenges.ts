import type { Core } from '@strapi/strapi';

import type { SignInMethod } from '../../../shared/contracts/sign-in';
import { records } from '../repositories/records';
import { hashToken, randomToken } from './crypto';
import { UID } from '../constants';
import { CHALLENGE_TOKEN } from '../../../shared/contracts/sign-in';

/**
 * What a challenge is for: the code after a first factor, setting up an authenticator app when the
 * firm requires one, and the two passkey ceremonies.
 */
export type ChallengeKind = 'second-factor' | 'enrolment' | 'passkey-sign-in' | 'passkey-registration';

export interface Challenge {
  id: number;
  userId: number | null;
  method: SignInMethod | null;
  data: Record<string, unknown>;
  expiresAt: Date;
  attempts: number;
}

/** Spent and expired challenges are kept this long (for a look at what happened), then removed. */
const KEEP_AFTER_EXPIRY_MS = 24 * 60 * 60_000;

interface UpdateManyQuery {
  updateMany(params: { where: Record<string, unknown>; data: Record<string, unknown> }): Promise<{ count: number }>;
  deleteMany(params: { where: Record<string, unknown> }): Promise<{ count: number }>;
}

const writes = (strapi: Core.Strapi) => strapi.db.query(UID.signInChallenge as never) as unknown as UpdateManyQuery;

const toChallenge = (row: Record<string, unknown>): Challenge => {
  const user = row.user as { id?: unknown } | null | undefined;
  const data = row.data;
  return {
    id: Number(row.id),
    userId: user?.id === undefined || user?.id === null ? null : Number(user.id),
    method: typeof row.method === 'string' && row.method ? (row.method as SignInMethod) : null,
    data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
    expiresAt: new Date(row.expiresAt as string),
    attempts: Number(row.attempts ?? 0),
  };
};

/** Opens a challenge; only the returned token can redeem it, and only its hash is stored. */
export const createChallenge = async (
  strapi: Core.Strapi,
  input: { kind: ChallengeKind; userId: number | null; method?: SignInMethod; data?: Record<string, unknown>; ttlMs: number; ip?: string | null }
): Promise<{ token: string; expiresAt: Date }> => {
  const token = randomToken();
  const now = Date.now();
  const expiresAt = new Date(now + input.ttlMs);
  await writes(strapi).deleteMany({ where: { expiresAt: { $lt: new Date(now - KEEP_AFTER_EXPIRY_MS) } } });
  await strapi.db.query(UID.signInChallenge as never).create({
    data: {
      tokenHash: hashToken(token),
      kind: input.kind,
      user: input.userId,
      method: input.method ?? null,
      data: input.data ?? {},
      ip: input.ip ? input.ip.slice(0, 64) : null,
      expiresAt,
      attempts: 0,
    } as never,
  });
  return { token, expiresAt };
};

/** How many challenges of this kind the address opened since `since` (anonymous ceremonies are limited per address). */
export const challengesFrom = (strapi: Core.Strapi, kind: ChallengeKind, ip: string, since: Date) =>
  records(strapi, UID.signInChallenge).count({ where: { kind, ip, createdAt: { $gt: since } } });

const findLive = async (strapi: Core.Strapi, token: string, kind: ChallengeKind, now: Date) => {
  const row = await records(strapi, UID.signInChallenge).findOne({
    select: ['id', 'method', 'data', 'expiresAt', 'attempts'],
    where: { tokenHash: hashToken(token), kind, consumedAt: null, expiresAt: { $gt: now } },
    populate: { user: { select: ['id'] } },
  });
  return row ? toChallenge(row) : null;
};

/** A live challenge (not expired, not used) of that kind; null for anything else, without saying why. */
export const readChallenge = async (strapi: Core.Strapi, token: string, kind: ChallengeKind): Promise<Challenge | null> => {
  if (!CHALLENGE_TOKEN.test(token)) return null;
  return findLive(strapi, token, kind, new Date());
};

/**
 * Spends a challenge and returns it. The write only succeeds on a row nobody has spent yet, so of
 * two requests racing with the same token exactly one gets it.
 */
export const consumeChallenge = async (strapi: Core.Strapi, token: string, kind: ChallengeKind): Promise<Challenge | null> => {
  if (!CHALLENGE_TOKEN.test(token)) return null;
  const now = new Date();
  const live = await findLive(strapi, token, kind, now);
  if (!live) return null;
  const { count } = await writes(strapi).updateMany({ where: { id: live.id, consumedAt: null }, data: { consumedAt: now } });
  return count === 1 ? live : null;
};
