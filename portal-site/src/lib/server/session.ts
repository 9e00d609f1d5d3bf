import { createHash, randomBytes } from 'node:crypto';

import type { AstroCookies } from 'astro';

import type { SecondFactor, SignInMethod, TotpEnrolment } from '../../../../plugin-clientia/shared/contracts/sign-in';
import { config, secureCookies } from './config';
import { sessionStore, type KeyValueStore } from './store';

export type { SecondFactor, SignInMethod } from '../../../../plugin-clientia/shared/contracts/sign-in';

/** A short message shown once on the next page, by translation key. */
export interface Flash {
  kind: 'success' | 'error';
  key: string;
}

/** What the portal keeps about a signed-in contact. The Strapi token never leaves the server. */
export interface PortalSession {
  userId: number;
  email: string;
  jwt: string;
  /** The client the contact is looking at (documentId); null until the first page picks one. */
  clientId: string | null;
  /** The contact's language (BCP 47), from their preferences; null means the browser's. */
  locale: string | null;
  /** How the session was opened, as the API recorded it. */
  method: SignInMethod;
  secondFactor: SecondFactor;
  /**
   * The API's own session behind the token (its `sid`): ending it there ends this record too.
   * Null only for records opened before the API kept sessions.
   */
  apiSessionId: string | null;
  createdAt: number;
  lastSeenAt: number;
  /** Absolute end of the session, however active. */
  expiresAt: number;
  userAgent: string;
  ip: string;
  flash?: Flash;
  /**
   * An authenticator being set up from the account page, until its first code confirms it: a
   * mistyped code must show the same QR code again, not a new secret the app does not have.
   */
  enrolment?: TotpEnrolment;
  /** New recovery codes, kept only until the page that shows them once has been seen. */
  recoveryCodes?: { codes: string[]; next: string };
}

export interface LiveSession {
  /** The store key: the hash of the cookie's secret, so a copy of the store opens no session. */
  key: string;
  data: PortalSession;
}

/** Last-seen is written at most this often, so reading pages does not rewrite the store each time. */
const TOUCH_EVERY_MS = 60_000;

export const cookieName = () => (secureCookies() ? '__Host-sid' : 'sid');

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const sessionKey = (hash: string) => `session:${hash}`;
const userKey = (userId: number) => `user-sessions:${userId}`;

const idleMs = () => config().session.idleMinutes * 60_000;
const absoluteMs = () => config().session.absoluteHours * 3_600_000;

/** How long the store keeps the record: until idle timeout or absolute end, whichever is first. */
const ttlOf = (data: PortalSession, now: number) => Math.max(1, Math.min(data.lastSeenAt + idleMs(), data.expiresAt) - now);

export class SessionManager {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => number = Date.now
  ) {}

  /** A fresh session with a new secret; the caller sets it as the cookie. */
  async create(fields: Omit<PortalSession, 'createdAt' | 'lastSeenAt' | 'expiresAt'>): Promise<{ token: string; session: LiveSession }> {
    const now = this.now();
    const token = randomBytes(32).toString('base64url');
    const key = hashToken(token);
    const data: PortalSession = { ...fields, createdAt: now, lastSeenAt: now, expiresAt: now + absoluteMs() };
    await this.store.set(sessionKey(key), JSON.stringify(data), ttlOf(data, now));
    await this.store.addMember(userKey(data.userId), key, absoluteMs());
    return { token, session: { key, data } };
  }

  /** The session for a cookie's secret, or null when there is none or it has timed out. */
  async read(token: string | undefined): Promise<LiveSession | null> {
    if (!token || token.length > 200) return null;
    const key = hashToken(token);
    const text = await this.store.get(sessionKey(key));
    if (!text) return null;
    let data: PortalSession;
    try {
      data = JSON.parse(text) as PortalSession;
    } catch {
      await this.store.delete(sessionKey(key));
      return null;
    }
    const now = this.now();
    if (now >= data.expiresAt || now - data.lastSeenAt >= idleMs()) {
      await this.destroy(key, data.userId);
      return null;
    }
    if (now - data.lastSeenAt >= TOUCH_EVERY_MS) {
      data.lastSeenAt = now;
      await this.save({ key, data });
    }
    return { key, data };
  }

  async save(session: LiveSession): Promise<void> {
    await this.store.set(sessionKey(session.key), JSON.stringify(session.data), ttlOf(session.data, this.now()));
  }

  async destroy(key: string, userId: number): Promise<void> {
    await this.store.delete(sessionKey(key));
    await this.store.removeMember(userKey(userId), key);
  }

  /** Ends every session of a contact: sign out everywhere, and after a password change. */
  async destroyAll(userId: number): Promise<number> {
    const keys = await this.store.members(userKey(userId));
    for (const key of keys) await this.store.delete(sessionKey(key));
    await this.store.delete(userKey(userId));
    return keys.length;
  }

  /** The records standing on the API's session `apiSessionId` (normally one): it was ended there. */
  async destroyApiSession(userId: number, apiSessionId: string): Promise<number> {
    let ended = 0;
    for (const live of await this.list(userId)) {
      if (live.data.apiSessionId !== apiSessionId) continue;
      await this.destroy(live.key, userId);
      ended += 1;
    }
    return ended;
  }

  /** Every session of the contact but one: the API ended the others. */
  async destroyOthers(userId: number, keep: string): Promise<number> {
    let ended = 0;
    for (const live of await this.list(userId)) {
      if (live.key === keep) continue;
      await this.destroy(live.key, userId);
      ended += 1;
    }
    return ended;
  }

  /** The contact's sessions still alive. */
  async list(userId: number): Promise<LiveSession[]> {
    const live: LiveSession[] = [];
    for (const key of await this.store.members(userKey(userId))) {
      const text = await this.store.get(sessionKey(key));
      let data: PortalSession | null = null;
      try {
        data = text ? (JSON.parse(text) as PortalSession) : null;
      } catch {
        data = null;
      }
      if (data) live.push({ key, data });
      else await this.store.removeMember(userKey(userId), key);
    }
    return live;
  }
}

let shared: SessionManager | undefined;
export const sessions = () => (shared ??= new SessionManager(sessionStore()));

const cookieOptions = () => ({ httpOnly: true, sameSite: 'lax' as const, secure: secureCookies(), path: '/' });

export const setSessionCookie = (cookies: AstroCookies, token: string) => cookies.set(cookieName(), token, cookieOptions());
export const clearSessionCookie = (cookies: AstroCookies) => cookies.delete(cookieName(), cookieOptions());

/** The session behind the request's cookie; a stale cookie is cleared. */
export const sessionFromCookies = async (cookies: AstroCookies): Promise<LiveSession | null> => {
  const token = cookies.get(cookieName())?.value;
  if (!token) return null;
  const session = await sessions().read(token);
  if (!session) clearSessionCookie(cookies);
  return session;
};

/**
 * Signs a contact in: any session the browser already had ends first, and the new one gets a new
 * secret (no session fixation).
 */
export const signInSession = async (
  cookies: AstroCookies,
  fields: Omit<PortalSession, 'createdAt' | 'lastSeenAt' | 'expiresAt'>
): Promise<LiveSession> => {
  const previous = await sessionFromCookies(cookies);
  if (previous) await sessions().destroy(previous.key, previous.data.userId);
  const { token, session } = await sessions().create(fields);
  setSessionCookie(cookies, token);
  return session;
};

export const signOutSession = async (cookies: AstroCookies): Promise<void> => {
  const current = await sessionFromCookies(cookies);
  if (current) await sessions().destroy(current.key, current.data.userId);
  clearSessionCookie(cookies);
};

/** Stores a message for the next page the contact sees. */
export const flash = async (session: LiveSession, message: Flash) => {
  session.data.flash = message;
  await sessions().save(session);
};

/**
 * The sign-in method for the signing trail and the activity log: the first factor, then the second
 * one if any (`password`, `password-totp`, `link-recovery-code`, `passkey`).
 */
export const authMethodOf = (data: Pick<PortalSession, 'method' | 'secondFactor'>): string => {
  const first = data.method === 'link' || data.method === 'passkey' ? data.method : 'password';
  const second = data.secondFactor === 'totp' || data.secondFactor === 'recovery-code' ? data.secondFactor : null;
  return second ? `${first}-${second}` : first;
};

/** The pending message, removed as it is read. */
export const takeFlash = async (session: LiveSession): Promise<Flash | undefined> => {
  const message = session.data.flash;
  if (!message) return undefined;
  delete session.data.flash;
  await sessions().save(session);
  return message;
};
