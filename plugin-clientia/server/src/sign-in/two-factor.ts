import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { NEUTRAL_BRANDING } from '../../../shared/contracts/branding';
import type { EnrolledAndSignedIn, RecoveryCodes, SecondFactor, SecondFactorProof, SignedIn, SignInMethod, TotpEnrolment } from '../../../shared/contracts/sign-in';
import { fieldError } from '../domain/errors';
import { STRAPI_UID, UID } from '../constants';
import { columnOf, records, lockRow } from '../repositories/records';
import { text, type Row } from '../repositories/rows';
import { recordSignInEvent } from './activity';
import { consumeChallenge, readChallenge, type Challenge, type ChallengeKind } from './challenges';
import { openSecret, sealSecret } from './crypto';
import { findRecoveryCode, newRecoveryCodes, storedRecoveryCodes } from './recovery-codes';
import { requestContext, type RequestFacts, type SignInHttpContext } from './request';
import { twoFactorRequirement } from './requirement';
import { openSession } from './sessions';
import { fieldRefusal, refusal } from '../domain/errors';
import { isWrongCode, lockedOut, wrongCode } from './two-factor-refusal';
import { matchTotp, newTotpSecret, otpauthUrl, qrCodeSvg } from './totp';

/** Wrong codes in a row before the account's codes are refused for a while. */
const MAX_FAILED_CODES = 5;
const CODE_LOCK_MS = 15 * 60_000;

const CHALLENGE_GONE = 'This sign-in has expired or was already completed. Please sign in again.';

/** A code from the app, or one of the recovery codes; each is checked on its own field. */

const proofField = (proof: SecondFactorProof) => ('code' in proof ? 'code' : 'recoveryCode');

interface TwoFactorRow {
  id: number;
  secret: string | null;
  confirmedAt: Date | null;
  lastUsedStep: number | null;
  lockedUntil: Date | null;
  recoveryCodes: unknown;
}

interface ManyWrites {
  updateMany(params: { where: Record<string, unknown>; data: Record<string, unknown> }): Promise<{ count: number }>;
}

const writes = (strapi: Core.Strapi) => strapi.db.query(UID.twoFactor as never) as unknown as ManyWrites;
const tableOf = (strapi: Core.Strapi, uid: string) => strapi.db.metadata.get(uid as never).tableName;

const dateOrNull = (value: unknown) => (value === null || value === undefined || value === '' ? null : new Date(value as string));

const toRow = (row: Row): TwoFactorRow => ({
  id: Number(row.id),
  secret: typeof row.secret === 'string' ? row.secret : null,
  confirmedAt: dateOrNull(row.confirmedAt),
  // A biginteger: a string from PostgreSQL, a number from SQLite.
  lastUsedStep: row.lastUsedStep === null || row.lastUsedStep === undefined ? null : Number(row.lastUsedStep),
  lockedUntil: dateOrNull(row.lockedUntil),
  recoveryCodes: row.recoveryCodes,
});

const FIELDS = ['id', 'secret', 'confirmedAt', 'lastUsedStep', 'lockedUntil', 'recoveryCodes'];

/** The contact's confirmed two-factor row (there is one at most), or null. */
const confirmedTwoFactor = async (strapi: Core.Strapi, userId: number): Promise<TwoFactorRow | null> => {
  const row = await records(strapi, UID.twoFactor).findOne({ select: FIELDS, where: { user: { id: userId }, confirmedAt: { $notNull: true } }, orderBy: { id: 'asc' } });
  return row ? toRow(row) : null;
};

const pendingTwoFactor = async (strapi: Core.Strapi, userId: number): Promise<TwoFactorRow | null> => {
  const row = await records(strapi, UID.twoFactor).findOne({ select: FIELDS, where: { user: { id: userId }, confirmedAt: null }, orderBy: { id: 'desc' } });
  return row ? toRow(row) : null;
};

/**
 * Runs `work` holding the account's row lock, so two requests of one contact never both create a
 * two-factor row (one row per account is kept in code, the table cannot say it).
 */
const withUserLock = async <T>(strapi: Core.Strapi, userId: number, work: () => Promise<T>): Promise<T> =>
  (await strapi.db.transaction(async ({ trx }) => {
    await lockRow(strapi, trx, tableOf(strapi, STRAPI_UID.user), userId);
    return work();
  })) as T;

const notLocked = (now: Date) => ({ $or: [{ lockedUntil: null }, { lockedUntil: { $lte: now } }] });
/** A code of the last accepted step or an older one is a replay. */
const newerThanLastUsed = (step: number) => ({ $or: [{ lastUsedStep: null }, { lastUsedStep: { $lt: step } }] });

const activeLock = (row: Pick<TwoFactorRow, 'lockedUntil'>, now: Date) => (row.lockedUntil && row.lockedUntil.getTime() > now.getTime() ? row.lockedUntil : null);

const stepOf = (strapi: Core.Strapi, row: TwoFactorRow, code: string, now: Date): number | null => {
  const secret = row.secret ? openSecret(strapi, row.secret) : null;
  if (!secret) {
    // Sealed under an app key that is gone: no code can match; recovery codes still work.
    strapi.log.warn(`[clientia] the authenticator secret of two-factor row ${row.id} cannot be opened with the configured app keys`);
    return null;
  }
  return matchTotp(secret, code, now.getTime());
};

/**
 * Counts a wrong code. The increment is one statement, so concurrent wrong codes are all counted;
 * the fifth in a row locks the account's codes for 15 minutes and starts the count afresh.
 */
const countFailure = async (strapi: Core.Strapi, rowId: number, now: Date): Promise<void> => {
  const column = columnOf(strapi, UID.twoFactor, 'failedAttempts');
  await strapi.db.connection(tableOf(strapi, UID.twoFactor)).where({ id: rowId }).increment(column, 1);
  const after = await records(strapi, UID.twoFactor).findOne({ select: ['failedAttempts'], where: { id: rowId } });
  if (Number(after?.failedAttempts ?? 0) >= MAX_FAILED_CODES) {
    await writes(strapi).updateMany({ where: { id: rowId }, data: { failedAttempts: 0, lockedUntil: new Date(now.getTime() + CODE_LOCK_MS) } });
  }
};

/**
 * Spends a recovery code under the row's lock: of two requests with the same code, the second
 * reads the code as used. Returns false when it is not one of the unused codes.
 */
const spendRecoveryCode = async (strapi: Core.Strapi, rowId: number, code: string, now: Date): Promise<'spent' | 'wrong' | 'locked'> =>
  (await strapi.db.transaction(async ({ trx }) => {
    await lockRow(strapi, trx, tableOf(strapi, UID.twoFactor), rowId);
    const fresh = await records(strapi, UID.twoFactor).findOne({ select: ['id', 'lockedUntil', 'recoveryCodes'], where: { id: rowId } });
    if (!fresh) return 'wrong';
    if (activeLock({ lockedUntil: dateOrNull(fresh.lockedUntil) }, now)) return 'locked';
    const stored = storedRecoveryCodes(fresh.recoveryCodes);
    const index = findRecoveryCode(strapi, stored, code);
    if (index < 0) return 'wrong';
    stored[index] = { ...stored[index]!, usedAt: now.toISOString() };
    await writes(strapi).updateMany({ where: { id: rowId }, data: { recoveryCodes: stored, failedAttempts: 0 } });
    return 'spent';
  })) as 'spent' | 'wrong' | 'locked';

type ProofCheck =
  | { ok: true; secondFactor: Exclude<SecondFactor, 'none'> }
  | { ok: false; reason: string; field: 'code' | 'recoveryCode'; lockedUntil: Date | null };

/**
 * Who is told a code was wrong: a sign-in gets 401 (nobody is signed in yet), a signed-in contact
 * 400 naming the field (a 401 would read as "your session has ended").
 */
type CodeAudience = 'sign-in' | 'portal';

const WRONG_CODE = 'That code is not right. Enter the current code from your authenticator app; check that its clock is right.';
const WRONG_RECOVERY_CODE = 'That recovery code is not right or was used already.';

const wrongCodeError = (field: 'code' | 'recoveryCode', audience: CodeAudience) => {
  const message = field === 'code' ? WRONG_CODE : WRONG_RECOVERY_CODE;
  return audience === 'sign-in' ? wrongCode(field, message) : fieldError(field, message);
};

/** The error a failed check is answered with. */
const proofError = (check: Extract<ProofCheck, { ok: false }>, audience: CodeAudience): Error =>
  check.lockedUntil ? lockedOut(check.field, check.lockedUntil) : wrongCodeError(check.field, audience);

/**
 * Checks a code or a recovery code against a confirmed row. An accepted app code moves
 * `lastUsedStep` forward in a conditional update, so the same code (or an older one) is refused
 * after it, even when two requests carry it at the same moment. While the codes are locked every
 * code is refused, the right one too.
 */
const checkProof = async (strapi: Core.Strapi, row: TwoFactorRow, proof: SecondFactorProof, now = new Date()): Promise<ProofCheck> => {
  const field = proofField(proof);
  const locked = activeLock(row, now);
  if (locked) return { ok: false, reason: 'codes-locked', field, lockedUntil: locked };

  let reason: string;
  if ('code' in proof) {
    const step = stepOf(strapi, row, proof.code, now);
    if (step !== null) {
      const { count } = await writes(strapi).updateMany({
        where: { id: row.id, $and: [newerThanLastUsed(step), notLocked(now)] },
        data: { lastUsedStep: step, failedAttempts: 0 },
      });
      if (count === 1) return { ok: true, secondFactor: 'totp' };
      reason = 'code-replayed';
    } else {
      reason = 'wrong-code';
    }
  } else {
    const outcome = await spendRecoveryCode(strapi, row.id, proof.recoveryCode, now);
    if (outcome === 'spent') return { ok: true, secondFactor: 'recovery-code' };
    if (outcome === 'locked') return { ok: false, reason: 'codes-locked', field, lockedUntil: new Date(now.getTime() + CODE_LOCK_MS) };
    reason = 'wrong-recovery-code';
  }
  await countFailure(strapi, row.id, now);
  return { ok: false, reason, field, lockedUntil: null };
};

const issuerName = async (strapi: Core.Strapi) => {
  const branding = await records(strapi, UID.branding).findOne({ select: ['firmName'] });
  return text(branding?.firmName).trim() || NEUTRAL_BRANDING.firmName;
};

/**
 * Starts setting up an authenticator app: a new secret, shown once as text, otpauth URL and QR
 * code, kept sealed until the first code confirms it. An earlier set-up nobody confirmed is
 * replaced; one that is on already is not (409).
 */
export const startEnrolment = async (strapi: Core.Strapi, userId: number): Promise<TotpEnrolment> => {
  const user = await records(strapi, STRAPI_UID.user).findOne({ select: ['id', 'email'], where: { id: userId } });
  if (!user) throw new errors.NotFoundError('No such account');
  const secret = newTotpSecret();
  await withUserLock(strapi, userId, async () => {
    const rows = await records(strapi, UID.twoFactor).findMany({ select: ['id', 'confirmedAt'], where: { user: { id: userId } } });
    if (rows.some((row) => row.confirmedAt)) throw refusal(409, 'Two-factor authentication is already on for this account.');
    for (const row of rows) await strapi.db.query(UID.twoFactor as never).delete({ where: { id: row.id } });
    await strapi.db.query(UID.twoFactor as never).create({
      data: { user: userId, secret: sealSecret(strapi, secret), confirmedAt: null, lastUsedStep: null, failedAttempts: 0, lockedUntil: null, recoveryCodes: [] } as never,
    });
  });
  const url = otpauthUrl(secret, await issuerName(strapi), text(user.email));
  return { secret, otpauthUrl: url, qrSvg: await qrCodeSvg(url) };
};

/**
 * Confirms a set-up with the first code from the app: two-factor is on from here, with a fresh
 * set of recovery codes (returned once). The code's step counts as used.
 */
export const confirmEnrolment = async (strapi: Core.Strapi, userId: number, code: string, facts: RequestFacts, audience: CodeAudience): Promise<RecoveryCodes> => {
  const row = await pendingTwoFactor(strapi, userId);
  if (!row) {
    const on = await confirmedTwoFactor(strapi, userId);
    throw fieldRefusal(409, 'code', on ? 'Two-factor authentication is already on for this account.' : 'Start setting up two-factor authentication first.');
  }
  const now = new Date();
  const locked = activeLock(row, now);
  if (locked) throw lockedOut('code', locked);
  const step = stepOf(strapi, row, code, now);
  const { codes, stored } = newRecoveryCodes(strapi);
  if (step !== null) {
    const { count } = await writes(strapi).updateMany({
      where: { id: row.id, confirmedAt: null, $and: [newerThanLastUsed(step), notLocked(now)] },
      data: { confirmedAt: now, lastUsedStep: step, failedAttempts: 0, lockedUntil: null, recoveryCodes: stored },
    });
    if (count === 1) {
      await recordSignInEvent(strapi, { userId, verb: 'two-factor-enabled', details: { ip: facts.ip, userAgent: facts.userAgent } });
      return { recoveryCodes: codes };
    }
  }
  await countFailure(strapi, row.id, now);
  throw wrongCodeError('code', audience);
};

const requiredMessage = (by: 'portal' | 'client') =>
  by === 'portal'
    ? 'The firm requires two-factor authentication for its client portal, so it cannot be turned off.'
    : 'The firm requires two-factor authentication for one of your clients, so it cannot be turned off.';

/**
 * Turns two-factor off with a current code or a recovery code; refused (409) while the firm
 * requires it of this contact, for the portal or for any of their clients.
 */
export const disableTwoFactor = async (strapi: Core.Strapi, userId: number, proof: SecondFactorProof, facts: RequestFacts): Promise<void> => {
  const requirement = await twoFactorRequirement(strapi, userId);
  if (requirement.requiredBy) throw fieldRefusal(409, 'code', requiredMessage(requirement.requiredBy));
  const row = await confirmedTwoFactor(strapi, userId);
  if (!row) throw fieldRefusal(409, proofField(proof), 'Two-factor authentication is not on for this account.');
  const check = await checkProof(strapi, row, proof);
  if (!check.ok) throw proofError(check, 'portal');
  const rows = await records(strapi, UID.twoFactor).findMany({ select: ['id'], where: { user: { id: userId } } });
  for (const each of rows) await strapi.db.query(UID.twoFactor as never).delete({ where: { id: each.id } });
  await recordSignInEvent(strapi, { userId, verb: 'two-factor-disabled', details: { ip: facts.ip, userAgent: facts.userAgent, with: check.secondFactor } });
};

/** A new set of recovery codes for a current app code; the earlier set stops working. */
export const renewRecoveryCodes = async (strapi: Core.Strapi, userId: number, code: string, facts: RequestFacts): Promise<RecoveryCodes> => {
  const row = await confirmedTwoFactor(strapi, userId);
  if (!row) throw fieldRefusal(409, 'code', 'Two-factor authentication is not on for this account.');
  const check = await checkProof(strapi, row, { code });
  if (!check.ok) throw proofError(check, 'portal');
  const { codes, stored } = newRecoveryCodes(strapi);
  await writes(strapi).updateMany({ where: { id: row.id }, data: { recoveryCodes: stored } });
  await recordSignInEvent(strapi, { userId, verb: 'recovery-codes-renewed', details: { ip: facts.ip, userAgent: facts.userAgent } });
  return { recoveryCodes: codes };
};

const liveChallenge = async (strapi: Core.Strapi, token: string, kind: ChallengeKind): Promise<Challenge & { userId: number }> => {
  const challenge = await readChallenge(strapi, token, kind);
  if (!challenge || challenge.userId === null) throw fieldRefusal(410, 'challenge', CHALLENGE_GONE);
  return challenge as Challenge & { userId: number };
};

const spend = async (strapi: Core.Strapi, token: string, kind: ChallengeKind) => {
  if (!(await consumeChallenge(strapi, token, kind))) throw fieldRefusal(410, 'challenge', CHALLENGE_GONE);
};

const firstFactorOf = (challenge: Challenge): Exclude<SignInMethod, 'passkey'> => (challenge.method === 'link' ? 'link' : 'password');

/**
 * The code after the password or the link. The challenge is spent only by a right code, so a
 * typo costs one of the five tries and not the sign-in; wrong codes go to the activity log.
 */
export const completeSecondFactor = async (strapi: Core.Strapi, ctx: SignInHttpContext, token: string, proof: SecondFactorProof): Promise<SignedIn> => {
  const challenge = await liveChallenge(strapi, token, 'second-factor');
  // Gone since the first factor: staff reset the app, or the contact turned it off elsewhere.
  const row = await confirmedTwoFactor(strapi, challenge.userId);
  if (!row) throw fieldRefusal(410, 'challenge', CHALLENGE_GONE);
  const check = await checkProof(strapi, row, proof);
  if (!check.ok) {
    const { ip, userAgent } = requestContext(ctx, strapi);
    await recordSignInEvent(strapi, {
      userId: challenge.userId,
      verb: 'sign-in-failed',
      details: { method: firstFactorOf(challenge), secondFactor: 'code' in proof ? 'totp' : 'recovery-code', ip, userAgent, reason: check.reason },
    });
    throw proofError(check, 'sign-in');
  }
  await spend(strapi, token, 'second-factor');
  return openSession(strapi, ctx, { userId: challenge.userId, method: firstFactorOf(challenge), secondFactor: check.secondFactor });
};

/** Setting up an app during a sign-in the firm requires it for: the secret for the challenge's account. */
export const enrolmentForChallenge = async (strapi: Core.Strapi, token: string): Promise<TotpEnrolment> => {
  const challenge = await liveChallenge(strapi, token, 'enrolment');
  return startEnrolment(strapi, challenge.userId);
};

/** The first code confirms the app and completes the sign-in, with the new recovery codes. */
export const confirmEnrolmentForChallenge = async (strapi: Core.Strapi, ctx: SignInHttpContext, token: string, code: string): Promise<EnrolledAndSignedIn> => {
  const challenge = await liveChallenge(strapi, token, 'enrolment');
  const facts = requestContext(ctx, strapi);
  let codes: RecoveryCodes;
  try {
    codes = await confirmEnrolment(strapi, challenge.userId, code, facts, 'sign-in');
  } catch (error) {
    if (isWrongCode(error)) {
      await recordSignInEvent(strapi, {
        userId: challenge.userId,
        verb: 'sign-in-failed',
        details: { method: firstFactorOf(challenge), secondFactor: 'totp', ip: facts.ip, userAgent: facts.userAgent, reason: 'wrong-enrolment-code' },
      });
    }
    throw error;
  }
  await spend(strapi, token, 'enrolment');
  const signedIn = await openSession(strapi, ctx, { userId: challenge.userId, method: firstFactorOf(challenge), secondFactor: 'totp' });
  return { ...signedIn, recoveryCodes: codes.recoveryCodes };
};
