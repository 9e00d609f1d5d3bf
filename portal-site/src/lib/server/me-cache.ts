/**
 * A contact's /me is reused within their browser session for this long, so a page costs Strapi
 * one call for its data instead of two. Nothing is trusted on it: Strapi checks the token, client
 * and role on every data call, and a refused call (401, 403) forgets it at once.
 */
import type { Me } from '@clientia/shared/contracts/portal';
import type { LiveBrowserSession } from './browser-session';

const ME_FRESH_MS = 15_000;
const ME_CACHE_MAX = 5_000;
const recentMe = new Map<string, { me: Me; at: number }>();
const meKey = (session: LiveBrowserSession) => `${session.key}:${session.data.clientId ?? ''}`;

/** The /me answered for this browser session and its client less than ME_FRESH_MS ago, if any. */
export const cachedMe = (session: LiveBrowserSession, now: number): Me | undefined => {
  const entry = recentMe.get(meKey(session));
  if (entry && now - entry.at < ME_FRESH_MS) return entry.me;
  if (entry) recentMe.delete(meKey(session));
  return undefined;
};

export const rememberMe = (session: LiveBrowserSession, me: Me, now: number) => {
  recentMe.delete(meKey(session));
  recentMe.set(meKey(session), { me, at: now });
  // The oldest entries go first (a Map keeps insertion order).
  for (const key of recentMe.keys()) {
    if (recentMe.size <= ME_CACHE_MAX) break;
    recentMe.delete(key);
  }
};

/** After the contact changed who they are (name, client) or Strapi refused them: ask again next time. */
export const forgetMe = (session: LiveBrowserSession) => {
  for (const key of [...recentMe.keys()]) if (key.startsWith(`${session.key}:`)) recentMe.delete(key);
};
