/**
 * Where a sign-in goes after each answer of the API: into the portal when it is complete, or on to
 * the code (or authenticator setup) step with the challenge kept server-side.
 */
import type { APIContext } from 'astro';

import type { SignedIn, SignInStep } from '@clientia/shared/contracts/sign-in';
import { clientIp } from './forms';
import type { BrowserRequest } from './forwarded';
import { portalApi } from './api';
import { beginPending, endPending, pendingFromCookies, type LivePending, type PendingStep } from './pending';
import { browserSessions, type Flash, type LiveBrowserSession } from './browser-session';
import { startBrowserSession } from './start-session';
import { CODES_PER_IP, CODES_PER_SIGN_IN, throttle } from './throttle';

type SignInContext = Pick<APIContext, 'cookies' | 'locals' | 'request' | 'redirect' | 'clientAddress'>;

/** What happens once the contact is in. */
export interface Continuation {
  /** The first factor, for the wording of the next step. */
  method: 'password' | 'link';
  /** A path of the portal (already checked with safeNext). */
  next: string;
  /** The client to open on, by name: the one an invitation was just accepted for. */
  joinClient?: string;
  flash?: Flash;
}

export const browserOf = (context: SignInContext): BrowserRequest & { ip: string } => {
  const ip = clientIp(context);
  return { clientAddress: ip, ip, userAgent: context.request.headers.get('user-agent') };
};

/** The page of each step of a half-done sign-in. */
const STEP_PAGES: Readonly<Record<PendingStep, string>> = { 'second-factor': '/sign-in/code', 'enrol-two-factor': '/sign-in/enrol' };

/** Where a contact goes whose half-done sign-in is gone: to sign in again, told why. */
export const STEP_EXPIRED = '/sign-in?notice=step-expired';

/**
 * The half-done sign-in a step's page works on, or the redirect when there is none (it expired or
 * was ended) or when it waits at the other step (a bookmark, the back button).
 */
export const pendingAt = async (context: SignInContext, step: PendingStep): Promise<LivePending | Response> => {
  const pending = await pendingFromCookies(context.cookies);
  if (!pending) return context.redirect(STEP_EXPIRED, 303);
  const elsewhere = pending.data.step === step ? undefined : STEP_PAGES[pending.data.step];
  if (elsewhere) return context.redirect(elsewhere, 303);
  return pending;
};

/** Ends the half-done sign-in (given up, expired, or refused for good) and goes back to signing in. */
export const backToSignIn = async (context: SignInContext, location = '/sign-in'): Promise<Response> => {
  await endPending(context.cookies);
  return context.redirect(location, 303);
};

/**
 * Codes typed at a sign-in step: a few wrong ones per half-done sign-in, more per address. A right
 * code clears the count of its sign-in only.
 */
export const signInCodeGuard = (pending: LivePending, ip: string) => {
  const guard = throttle();
  return {
    blocked: async () =>
      (await guard.isBlocked('sign-in-code', pending.key, CODES_PER_SIGN_IN)) || (await guard.isBlocked('sign-in-code-ip', ip, CODES_PER_IP)),
    async failed() {
      await guard.fail('sign-in-code', pending.key, CODES_PER_SIGN_IN);
      await guard.fail('sign-in-code-ip', ip, CODES_PER_IP);
    },
    passed: () => guard.clear('sign-in-code', pending.key),
  };
};

/** The page a new session lands on: the recovery codes first when there are new ones to show. */
export const RECOVERY_CODES_PAGE = '/account/recovery-codes';

/**
 * Opens the browser session for a completed sign-in and ends any half-done one. New recovery codes
 * are kept in the browser session until their page has shown them once.
 */
export const openSignedIn = async (
  context: SignInContext,
  answer: SignedIn,
  continuation: Omit<Continuation, 'method'>,
  recoveryCodes?: string[]
): Promise<{ session: LiveBrowserSession; location: string }> => {
  await endPending(context.cookies);
  // A browser session this browser still had is replaced: its sign-in session ends in the API too.
  const previous = await context.locals.browserSession();
  if (previous?.data.signInSessionId) {
    await portalApi(previous.data.jwt, previous.data.clientId)
      .endSignInSession(previous.data.signInSessionId)
      .catch(() => undefined);
  }
  const { ip, userAgent } = browserOf(context);
  const joined = continuation.joinClient;
  const session = await startBrowserSession(context.cookies, previous, answer, {
    ip,
    userAgent: userAgent ?? '',
    preferClient: joined ? (me) => me.memberships.find((membership) => membership.name === joined)?.documentId : undefined,
  });
  if (continuation.flash) session.data.flash = continuation.flash;
  if (recoveryCodes?.length) session.data.recoveryCodes = { codes: recoveryCodes, next: continuation.next };
  if (continuation.flash || recoveryCodes?.length) await browserSessions().save(session);
  return { session, location: recoveryCodes?.length ? RECOVERY_CODES_PAGE : continuation.next };
};

/** The answer to the first factor: into the portal, or on to the second step. */
export const continueSignIn = async (context: SignInContext, step: SignInStep, continuation: Continuation): Promise<Response> => {
  if (step.status === 'signed-in') {
    const { location } = await openSignedIn(context, step, continuation);
    return context.redirect(location, 303);
  }
  if (step.status !== 'second-factor' && step.status !== 'enrol-two-factor') {
    throw new Error(`Unknown sign-in step: ${String((step as { status?: unknown }).status)}`);
  }
  await beginPending(context.cookies, {
    step: step.status,
    challenge: step.challenge,
    challengeExpiresAt: step.expiresAt,
    method: continuation.method,
    next: continuation.next,
    ...(continuation.joinClient ? { joinClient: continuation.joinClient } : {}),
    ...(continuation.flash ? { flash: continuation.flash } : {}),
  });
  return context.redirect(STEP_PAGES[step.status], 303);
};
