import { createHash, randomBytes } from 'node:crypto';

import type { AstroCookies } from 'astro';

import type { SecondFactor, SignInMethod, TotpEnrolment } from '@clientia/shared/contracts/sign-in';
import { config, secureCookies } from './config';
import { sessionStore, type KeyValueStore } from './store';


/** A short message shown once on the next page, by translation key. */
export interface Flash {
  kind: 'success' | 'error';
  key: string;
}

/**
 * The browser session: what the portal keeps about a contact signed in in one browser, behind its
 * cookie. The Strapi token never leaves the server.
 */
export interface BrowserSession {
  userId: number;
  email: string;
  jwt: string;
  /** The client the contact is looking at (documentId); null until the first page picks one. */
  clientId: string | null;
  /** The contact's language (BCP 47), from their preferences; null means the browser's. */
  locale: string | null;
  /** How the contact signed in, as the API recorded it. */
  method: SignInMethod;
  secondFactor: SecondFactor;
  /**
   * The API's sign-in session behind the token (its `sid`): ending it there ends this browser
   * session too. Null only for browser sessions opened before the API kept sign-in sessions.
   */
  signInSessionId: string | null;
  createdAt: number;
  lastSeenAt: number;
  /** Absolute end of the browser session, however active. */
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

/** What a sign-in gives a new browser session; the times are the store's to set. */
type NewBrowserSession = Omit<BrowserSession, 'createdAt' | 'lastSeenAt' | 'expiresAt'>;

export interface LiveBrowserSession {
  /** The store key: the hash of the cookie's secret, so a copy of the store opens no session. */
  key: string;
  data: BrowserSession;
}

/**
 * A browser session as the store holds it. The sign-in session's id keeps its first stored name,
 * `apiSessionId`, so browser sessions already open when the portal is upgraded (or rolled back)
 * go on working; it is mapped to `signInSessionId` on the way in and out.
 */
type StoredBrowserSession = Omit<BrowserSession, 'signInSessionId'> & { apiSessionId?: string | null };

const toStored = ({ signInSessionId, ...rest }: BrowserSession): string =>
  JSON.stringify({ ...rest, apiSessionId: signInSessionId } satisfies StoredBrowserSession);

/** The browser session in a stored text; null when the text is not JSON. */
const fromStored = (text: string): BrowserSession | null => {
  let stored: StoredBrowserSession;
  try {
    stored = JSON.parse(text) as StoredBrowserSession;
  } catch {
    return null;
  }
  const { apiSessionId, ...rest } = stored;
  return { ...rest, signInSessionId: apiSessionId ?? null };
};

/** Last-seen is written at most this often, so reading pages does not rewrite the store each time. */
const TOUCH_EVERY_MS = 60_000;

const cookieName = () => (secureCookies() ? '__Host-sid' : 'sid');

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const sessionKey = (hash: string) => `session:${hash}`;
const userKey = (userId: number) => `user-sessions:${userId}`;

const idleMs = () => config().session.idleMinutes * 60_000;
const absoluteMs = () => config().session.absoluteHours * 3_600_000;

/** How long the store keeps the record: until idle timeout or absolute end, whichever is first. */
const ttlOf = (data: BrowserSession, now: number) => Math.max(1, Math.min(data.lastSeenAt + idleMs(), data.expiresAt) - now);

/** The browser sessions in the store, each under the hash of its cookie's secret. */
export class BrowserSessions {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => number = Date.now
  ) {}

  /** A fresh browser session with a new secret; the caller sets it as the cookie. */
  async create(fields: NewBrowserSession): Promise<{ token: string; session: LiveBrowserSession }> {
    const now = this.now();
    const token = randomBytes(32).toString('base64url');
    const key = hashToken(token);
    const data: BrowserSession = { ...fields, createdAt: now, lastSeenAt: now, expiresAt: now + absoluteMs() };
    await this.store.set(sessionKey(key), toStored(data), ttlOf(data, now));
    await this.store.addMember(userKey(data.userId), key, absoluteMs());
    return { token, session: { key, data } };
  }

  /** The browser session for a cookie's secret, or null when there is none or it has timed out. */
  async read(token: string | undefined): Promise<LiveBrowserSession | null> {
    if (!token || token.length > 200) return null;
    const key = hashToken(token);
    const text = await this.store.get(sessionKey(key));
    if (!text) return null;
    const data = fromStored(text);
    if (!data) {
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

  async save(session: LiveBrowserSession): Promise<void> {
    await this.store.set(sessionKey(session.key), toStored(session.data), ttlOf(session.data, this.now()));
  }

  async destroy(key: string, userId: number): Promise<void> {
    await this.store.delete(sessionKey(key));
    await this.store.removeMember(userKey(userId), key);
  }

  /** Ends every browser session of a contact: sign out everywhere, and after a password change. */
  async destroyAll(userId: number): Promise<number> {
    const keys = await this.store.members(userKey(userId));
    for (const key of keys) await this.store.delete(sessionKey(key));
    await this.store.delete(userKey(userId));
    return keys.length;
  }

  /** The browser sessions standing on the sign-in session `signInSessionId` (normally one): it was ended in the API. */
  async destroySignInSession(userId: number, signInSessionId: string): Promise<number> {
    let ended = 0;
    for (const live of await this.list(userId)) {
      if (live.data.signInSessionId !== signInSessionId) continue;
      await this.destroy(live.key, userId);
      ended += 1;
    }
    return ended;
  }

  /** Every browser session of the contact but one: the API ended the others. */
  async destroyOthers(userId: number, keep: string): Promise<number> {
    let ended = 0;
    for (const live of await this.list(userId)) {
      if (live.key === keep) continue;
      await this.destroy(live.key, userId);
      ended += 1;
    }
    return ended;
  }

  /** The contact's browser sessions still alive. */
  async list(userId: number): Promise<LiveBrowserSession[]> {
    const live: LiveBrowserSession[] = [];
    for (const key of await this.store.members(userKey(userId))) {
      const text = await this.store.get(sessionKey(key));
      const data = text ? fromStored(text) : null;
      if (data) live.push({ key, data });
      else await this.store.removeMember(userKey(userId), key);
    }
    return live;
  }
}

let shared: BrowserSessions | undefined;
export const browserSessions = () => (shared ??= new BrowserSessions(sessionStore()));

const cookieOptions = () => ({ httpOnly: true, sameSite: 'lax' as const, secure: secureCookies(), path: '/' });

const setBrowserSessionCookie = (cookies: AstroCookies, token: string) => cookies.set(cookieName(), token, cookieOptions());
export const clearBrowserSessionCookie = (cookies: AstroCookies) => cookies.delete(cookieName(), cookieOptions());

/**
 * The browser session behind the request's cookie; a stale cookie is cleared. The middleware reads
 * it at most once per request, through `locals.browserSession()`: pages and endpoints ask there.
 */
export const browserSessionFromCookies = async (cookies: AstroCookies): Promise<LiveBrowserSession | null> => {
  const token = cookies.get(cookieName())?.value;
  if (!token) return null;
  const session = await browserSessions().read(token);
  if (!session) clearBrowserSessionCookie(cookies);
  return session;
};

/**
 * Opens the browser session of a contact who just signed in: the one the browser already had
 * (`previous`) ends first, and the new one gets a new secret (no session fixation).
 */
export const openBrowserSession = async (
  cookies: AstroCookies,
  previous: LiveBrowserSession | null,
  fields: NewBrowserSession
): Promise<LiveBrowserSession> => {
  if (previous) await browserSessions().destroy(previous.key, previous.data.userId);
  const { token, session } = await browserSessions().create(fields);
  setBrowserSessionCookie(cookies, token);
  return session;
};

/**
 * Ends every browser session of a contact (a new password, sign out everywhere). When this
 * request's own browser session was one of them, `locals` holds none from now on.
 */
export const endEveryBrowserSession = async (locals: App.Locals, userId: number): Promise<void> => {
  await browserSessions().destroyAll(userId);
  const own = await locals.browserSession();
  if (own?.data.userId === userId) locals.browserSession = () => Promise.resolve(null);
};

/** Ends this browser's session (`current`, when it still had one) and clears its cookie. */
export const closeBrowserSession = async (cookies: AstroCookies, current: LiveBrowserSession | null): Promise<void> => {
  if (current) await browserSessions().destroy(current.key, current.data.userId);
  clearBrowserSessionCookie(cookies);
};

/** Stores a message for the next page the contact sees. */
export const flash = async (session: LiveBrowserSession, message: Flash) => {
  session.data.flash = message;
  await browserSessions().save(session);
};

/**
 * The sign-in method for the signing trail and the activity log: the first factor, then the second
 * one if any (`password`, `password-totp`, `link-recovery-code`, `passkey`).
 */
export const authMethodOf = (data: Pick<BrowserSession, 'method' | 'secondFactor'>): string => {
  const first = data.method === 'link' || data.method === 'passkey' ? data.method : 'password';
  const second = data.secondFactor === 'totp' || data.secondFactor === 'recovery-code' ? data.secondFactor : null;
  return second ? `${first}-${second}` : first;
};

/** The pending message, removed as it is read. */
export const takeFlash = async (session: LiveBrowserSession): Promise<Flash | undefined> => {
  const message = session.data.flash;
  if (!message) return undefined;
  delete session.data.flash;
  await browserSessions().save(session);
  return message;
};
