/** Sending a contact (back) to sign in: where to, why, and ending the browser session that failed. */
import { browserSessions, clearBrowserSessionCookie, type LiveBrowserSession } from './browser-session';
import { isTwoFactorRequired } from './codes';
import { forgetMe } from './me-cache';
import type { RequestContext } from './public-page';
import { StrapiError } from './strapi';

/** An origin no portal has: what `next` is resolved against to tell a path of this portal. */
const HERE = 'http://portal.invalid';

/**
 * Only paths of this portal are followed after sign-in (no open redirect). `next` is resolved the
 * way a browser would (which drops tabs and newlines: `/\t/evil.example` is `//evil.example`, a
 * host) and kept only when it stays on this origin; a control character or a backslash anywhere
 * gives `/`, so nothing a header cannot carry reaches the redirect.
 */
export const safeNext = (value: string | null | undefined): string => {
  // eslint-disable-next-line no-control-regex
  if (!value || !value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, HERE);
  } catch {
    return '/';
  }
  return url.origin === HERE ? `${url.pathname}${url.search}${url.hash}` : '/';
};

/** Why a contact is sent back to sign in: the session ended, or it lacks the second factor now required. */
type SignInNotice = 'expired' | 'two-factor';

/** To the sign-in page, coming back to this page afterwards. */
export const signInRedirect = (context: RequestContext, reason?: SignInNotice) => {
  const next = context.url.pathname + context.url.search;
  const params = new URLSearchParams();
  if (next !== '/') params.set('next', next);
  if (reason) params.set('notice', reason);
  const query = params.toString();
  return context.redirect(`/sign-in${query ? `?${query}` : ''}`, 303);
};

/**
 * The API no longer accepts the browser session: its token was ended (401: signed out elsewhere,
 * password changed, sign-in session ended from another device), or the contact now needs a second
 * factor this session never gave (403 two-factor-required). The browser session ends with it, and
 * the contact is asked to sign in again. Null for any other error.
 */
export const endedSession = async (context: RequestContext, session: LiveBrowserSession, error: unknown): Promise<Response | null> => {
  const expired = error instanceof StrapiError && error.status === 401;
  const needsTwoFactor = isTwoFactorRequired(error);
  if (!expired && !needsTwoFactor) return null;
  forgetMe(session);
  await browserSessions().destroy(session.key, session.data.userId);
  clearBrowserSessionCookie(context.cookies);
  return signInRedirect(context, needsTwoFactor ? 'two-factor' : 'expired');
};
