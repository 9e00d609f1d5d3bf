/**
 * Opens the browser session for a sign-in the API has completed (password, link, code or passkey):
 * who the contact is, their language, then a fresh session cookie.
 */
import type { AstroCookies } from 'astro';

import type { Me } from '@clientia/shared/contracts/portal';
import type { SignedIn } from '@clientia/shared/contracts/sign-in';
import { portalApi } from './api';
import { openBrowserSession, type LiveBrowserSession } from './browser-session';

interface StartSessionOptions {
  userAgent: string;
  ip: string;
  /** The client to open on (e.g. the one just joined); the API's default when absent or not theirs. */
  preferClient?: (me: Me) => string | undefined;
}

/**
 * Throws the StrapiError of /me (403: the account has no portal access) before any session exists.
 * The browser session the browser had until now (`previous`) ends as the new one opens.
 */
export const startBrowserSession = async (
  cookies: AstroCookies,
  previous: LiveBrowserSession | null,
  answer: SignedIn,
  options: StartSessionOptions
): Promise<LiveBrowserSession> => {
  const me = (await portalApi(answer.jwt, null).me()).data;
  const preferred = options.preferClient?.(me);
  const clientId = me.memberships.some((membership) => membership.documentId === preferred) ? preferred! : me.activeClient.documentId;
  const language = (await portalApi(answer.jwt, clientId).preferences()).data.language;
  return openBrowserSession(cookies, previous, {
    userId: answer.user.id,
    email: answer.user.email,
    jwt: answer.jwt,
    clientId,
    locale: language,
    method: answer.session.method,
    secondFactor: answer.session.secondFactor,
    signInSessionId: answer.session.id,
    userAgent: options.userAgent.slice(0, 300),
    ip: options.ip,
  });
};
