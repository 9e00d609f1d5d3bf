/**
 * A sign-in half done: the first factor (password or emailed link) was right and the API asks for
 * an authenticator code, or for one to be set up first. The API's challenge stays on the server,
 * in the session store, under the hash of a random secret the browser holds in its own cookie.
 * That cookie opens no page of the portal: only the sign-in steps read it.
 */
import { createHash, randomBytes } from 'node:crypto';

import type { AstroCookies } from 'astro';

import type { TotpEnrolment } from '@clientia/shared/contracts/sign-in';
import { secureCookies } from './config';
import type { Flash } from './browser-session';
import { sessionStore, type KeyValueStore } from './store';

/** However long the API's challenge would last, the half-done sign-in ends after this. */
export const PENDING_MAX_MS = 10 * 60_000;

export type PendingStep = 'second-factor' | 'enrol-two-factor';

export interface PendingSignIn {
  step: PendingStep;
  /** The API's single-use challenge: sent back with the code, never to the browser. */
  challenge: string;
  /** The first factor, for the page's wording. */
  method: 'password' | 'link';
  /** Where the contact goes once signed in (a path of the portal). */
  next: string;
  /** The client to open on, by name (an invitation just accepted). */
  joinClient?: string;
  /** The message to show on the first page after signing in. */
  flash?: Flash;
  /** The authenticator being set up: the same QR code is shown again after a mistyped code. */
  enrolment?: TotpEnrolment;
  createdAt: number;
  /** Milliseconds since the epoch: the earlier of the API's expiry and PENDING_MAX_MS. */
  expiresAt: number;
}

export interface LivePending {
  key: string;
  data: PendingSignIn;
}

export type NewPending = Omit<PendingSignIn, 'createdAt' | 'expiresAt'> & {
  /** When the API's challenge expires (ISO 8601, as the API answered). */
  challengeExpiresAt: string;
};

const TOKEN_MAX = 200;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const storeKey = (hash: string) => `pending:${hash}`;

export class PendingStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => number = Date.now
  ) {}

  /** A new half-done sign-in and the secret for its cookie. */
  async create(fields: NewPending): Promise<{ token: string; pending: LivePending }> {
    const now = this.now();
    const { challengeExpiresAt, ...rest } = fields;
    const apiExpiry = Date.parse(challengeExpiresAt);
    const expiresAt = Math.min(now + PENDING_MAX_MS, Number.isFinite(apiExpiry) ? apiExpiry : now + PENDING_MAX_MS);
    const token = randomBytes(32).toString('base64url');
    const pending: LivePending = { key: hashToken(token), data: { ...rest, createdAt: now, expiresAt } };
    await this.store.set(storeKey(pending.key), JSON.stringify(pending.data), Math.max(1, expiresAt - now));
    return { token, pending };
  }

  /** The half-done sign-in for a cookie's secret, or null when there is none or it has expired. */
  async read(token: string | undefined): Promise<LivePending | null> {
    if (!token || token.length > TOKEN_MAX) return null;
    const key = hashToken(token);
    const text = await this.store.get(storeKey(key));
    if (!text) return null;
    let data: PendingSignIn;
    try {
      data = JSON.parse(text) as PendingSignIn;
    } catch {
      await this.destroy(key);
      return null;
    }
    if (this.now() >= data.expiresAt || typeof data.challenge !== 'string') {
      await this.destroy(key);
      return null;
    }
    return { key, data };
  }

  async save(pending: LivePending): Promise<void> {
    const left = pending.data.expiresAt - this.now();
    if (left <= 0) return this.destroy(pending.key);
    await this.store.set(storeKey(pending.key), JSON.stringify(pending.data), left);
  }

  async destroy(key: string): Promise<void> {
    await this.store.delete(storeKey(key));
  }
}

let shared: PendingStore | undefined;
export const pendingSignIns = () => (shared ??= new PendingStore(sessionStore()));

const pendingCookieName = () => (secureCookies() ? '__Host-pending' : 'pending');
const cookieOptions = () => ({ httpOnly: true, sameSite: 'lax' as const, secure: secureCookies(), path: '/' });

/** Starts a half-done sign-in; one the browser had before is dropped. */
export const beginPending = async (cookies: AstroCookies, fields: NewPending): Promise<LivePending> => {
  await endPending(cookies);
  const { token, pending } = await pendingSignIns().create(fields);
  cookies.set(pendingCookieName(), token, { ...cookieOptions(), maxAge: Math.ceil((pending.data.expiresAt - pending.data.createdAt) / 1000) });
  return pending;
};

/** The browser's half-done sign-in; a stale cookie is cleared. */
export const pendingFromCookies = async (cookies: AstroCookies): Promise<LivePending | null> => {
  const token = cookies.get(pendingCookieName())?.value;
  if (!token) return null;
  const pending = await pendingSignIns().read(token);
  if (!pending) cookies.delete(pendingCookieName(), cookieOptions());
  return pending;
};

/** Ends the half-done sign-in: it was completed, given up or refused for good. */
export const endPending = async (cookies: AstroCookies): Promise<void> => {
  const token = cookies.get(pendingCookieName())?.value;
  if (!token) return;
  const pending = await pendingSignIns().read(token);
  if (pending) await pendingSignIns().destroy(pending.key);
  cookies.delete(pendingCookieName(), cookieOptions());
};
