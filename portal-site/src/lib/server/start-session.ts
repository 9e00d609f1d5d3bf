/**
 * Opens the portal session for a sign-in the API has completed (password, link, code or passkey):
 * who the contact is, their language, then a fresh session cookie.
 */
import type { AstroCookies } from 'astro';

import type { Me } from '../../../../plugin-clientia/shared/contracts/portal';
import type { SignedIn } from '../../../../plugin-clientia/shared/contracts/sign-in';
import { portalApi } from './api';
import { signInSession, type LiveSession } from './session';

export interface StartSessionOptions {
  userAgent: string;
  ip: string;
  /** The client to open on (e.g. the one just joined); the API's default when absent or not theirs. */
  preferClient?: (me: Me) => string | undefined;
}

/** Throws the StrapiError of /me (403: the account has no portal access) before any session exists. */
export const startPortalSession = async (cookies: AstroCookies, answer: SignedIn, options: StartSessionOptions): Promise<LiveSession> => {
  const me = (await portalApi(answer.jwt, null).me()).data;
  const preferred = options.preferClient?.(me);
  const clientId = me.memberships.some((membership) => membership.documentId === preferred) ? preferred! : me.activeClient.documentId;
  const language = (await portalApi(answer.jwt, clientId).preferences()).data.language;
  return signInSession(cookies, {
    userId: answer.user.id,
    email: answer.user.email,
    jwt: answer.jwt,
    clientId,
    locale: language,
    method: answer.session.method,
    secondFactor: answer.session.secondFactor,
    apiSessionId: answer.session.id,
    userAgent: options.userAgent.slice(0, 300),
    ip: options.ip,
  });
};
