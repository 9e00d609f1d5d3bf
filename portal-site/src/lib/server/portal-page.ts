import type { APIContext } from 'astro';

import type { PublicBranding } from '../../../../plugin-clientia/shared/contracts/branding';
import type { Capability, Me } from '../../../../plugin-clientia/shared/contracts/portal';
import { formatter, type Formatter } from '../format';
import { chooseLocale, translator, type Translator } from '../i18n';
import { portalApi, type PortalApi } from './api';
import { brandTheme, loadBranding, type BrandTheme } from './branding';
import { isTwoFactorRequired } from './codes';
import { clearSessionCookie, sessionFromCookies, sessions, takeFlash, type Flash, type LiveSession } from './session';
import { StrapiError } from './strapi';

/** What both pages (Astro) and endpoints (APIContext) offer that the portal needs. */
export type RequestContext = Pick<APIContext, 'cookies' | 'request' | 'url' | 'redirect' | 'rewrite'>;

export interface PublicPage {
  branding: PublicBranding;
  theme: BrandTheme;
  /** False when Strapi could not be reached: the page says the portal is briefly unavailable. */
  live: boolean;
  t: Translator;
  fmt: Formatter;
}

export interface PortalPage<T = unknown> extends PublicPage {
  session: LiveSession;
  me: Me;
  api: PortalApi;
  flash: Flash | undefined;
  can(capability: Capability): boolean;
  /**
   * The answer for a failed call to Strapi: sign-in again when the token is no longer accepted,
   * the 404 page for a record that is not there (or not the client's), the 403 page for a role
   * that may not see it; anything else is an error page.
   */
  fail(error: unknown): Promise<Response>;
  /** What the page's `load` answered, asked for at the same time as /me. */
  data: T;
}

export interface PortalPageOptions<T> {
  capability?: Capability;
  /**
   * The page's own calls to Strapi. They start together with /me instead of after it: Strapi checks
   * the token, client and role on each of them as well, and their answer is used only once /me has
   * confirmed who is asking and the page's capability holds. A failure goes to `fail`.
   */
  load?: (api: PortalApi) => Promise<T>;
}

/**
 * A contact's /me is reused within their session for this long, so a page costs Strapi one call
 * for its data instead of two. Nothing is trusted on it: Strapi checks the token, client and role
 * on every data call, and a refused call (401, 403) forgets it at once.
 */
const ME_FRESH_MS = 15_000;
const ME_CACHE_MAX = 5_000;
const recentMe = new Map<string, { me: Me; at: number }>();
const meKey = (session: LiveSession) => `${session.key}:${session.data.clientId ?? ''}`;

const rememberedMe = (session: LiveSession, now: number): Me | undefined => {
  const entry = recentMe.get(meKey(session));
  if (entry && now - entry.at < ME_FRESH_MS) return entry.me;
  if (entry) recentMe.delete(meKey(session));
  return undefined;
};

const rememberMe = (session: LiveSession, me: Me, now: number) => {
  recentMe.delete(meKey(session));
  recentMe.set(meKey(session), { me, at: now });
  // The oldest entries go first (a Map keeps insertion order).
  for (const key of recentMe.keys()) {
    if (recentMe.size <= ME_CACHE_MAX) break;
    recentMe.delete(key);
  }
};

/** After the contact changed who they are (name, client) or Strapi refused them: ask again next time. */
export const forgetMe = (session: LiveSession) => {
  for (const key of [...recentMe.keys()]) if (key.startsWith(`${session.key}:`)) recentMe.delete(key);
};

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };
const settle = <T>(promise: Promise<T>): Promise<Settled<T>> =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error })
  );

/** Only paths of this portal are followed after sign-in (no open redirect). */
export const safeNext = (value: string | null | undefined): string => {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
};

/** Why a contact is sent back to sign in: the session ended, or it lacks the second factor now required. */
export type SignInNotice = 'expired' | 'two-factor';

const signInRedirect = (context: RequestContext, reason?: SignInNotice) => {
  const next = context.url.pathname + context.url.search;
  const params = new URLSearchParams();
  if (next !== '/') params.set('next', next);
  if (reason) params.set('notice', reason);
  const query = params.toString();
  return context.redirect(`/sign-in${query ? `?${query}` : ''}`, 303);
};

/**
 * The API no longer accepts the session: its token was ended (401: signed out elsewhere, password
 * changed, session ended from another device), or the contact now needs a second factor this
 * session never gave (403 two-factor-required). The portal session ends with it, and the contact
 * is asked to sign in again. Null for any other error.
 */
export const endedSession = async (context: RequestContext, session: LiveSession, error: unknown): Promise<Response | null> => {
  const expired = error instanceof StrapiError && error.status === 401;
  const needsTwoFactor = isTwoFactorRequired(error);
  if (!expired && !needsTwoFactor) return null;
  forgetMe(session);
  await sessions().destroy(session.key, session.data.userId);
  clearSessionCookie(context.cookies);
  return signInRedirect(context, needsTwoFactor ? 'two-factor' : 'expired');
};

/** Branding, language and formats for pages anyone may see (sign-in, password reset, errors). */
export const publicPage = async (context: RequestContext, preference?: string | null): Promise<PublicPage> => {
  const { branding, live } = await loadBranding();
  const locale = chooseLocale(preference, context.request.headers.get('accept-language'), branding.defaultLocale);
  return { branding, live, theme: brandTheme(branding), t: translator(locale), fmt: formatter(locale) };
};

/**
 * Every signed-in page and endpoint starts here: it checks the session itself (middleware is not
 * trusted to have done it), asks Strapi who the contact is with the contact's own token, and
 * refuses a page the contact's role does not allow.
 */
export const portalPage = async <T = undefined>(context: RequestContext, options: PortalPageOptions<T> = {}): Promise<PortalPage<T> | Response> => {
  const [session, branded] = await Promise.all([sessionFromCookies(context.cookies), loadBranding()]);
  if (!session) return signInRedirect(context);

  let api = portalApi(session.data.jwt, session.data.clientId);
  let loaded = options.load ? settle(options.load(api)) : undefined;
  const now = Date.now();
  let me = rememberedMe(session, now);
  if (!me) {
    try {
      me = (await api.me()).data;
    } catch (error) {
      const ended = await endedSession(context, session, error);
      if (ended) return ended;
      if (error instanceof StrapiError && error.status === 403 && session.data.clientId) {
        // The contact was removed from the client they were looking at: fall back to another.
        api = portalApi(session.data.jwt, null);
        try {
          me = (await api.me()).data;
        } catch (again) {
          const endedNow = await endedSession(context, session, again);
          if (endedNow) return endedNow;
          throw again;
        }
        loaded = options.load ? settle(options.load(api)) : undefined;
      } else throw error;
    }
    if (session.data.clientId !== me.activeClient.documentId) {
      // With no client chosen yet, Strapi picked the same first client for /me and for `load`.
      session.data.clientId = me.activeClient.documentId;
      await sessions().save(session);
      api = portalApi(session.data.jwt, session.data.clientId);
    }
    rememberMe(session, me, now);
  }

  const page = await assemblePage(context, { session, branded, me, api });
  if (options.capability && !page.can(options.capability)) return context.rewrite('/forbidden');
  if (!loaded) return { ...page, data: undefined as T };
  const outcome = await loaded;
  if (!outcome.ok) return page.fail(outcome.error);
  return { ...page, data: outcome.value };
};

/** The page a signed-in contact gets, from what portalPage (or the layout benchmark) gathered. */
export const assemblePage = async (
  context: RequestContext,
  { session, branded, me, api }: { session: LiveSession; branded: { branding: PublicBranding; live: boolean }; me: Me; api: PortalApi }
): Promise<PortalPage<undefined>> => {
  const locale = chooseLocale(session.data.locale, context.request.headers.get('accept-language'), branded.branding.defaultLocale);
  const t = translator(locale);
  return {
    branding: branded.branding,
    live: branded.live,
    theme: brandTheme(branded.branding),
    t,
    fmt: formatter(locale, me.activeClient.timezone),
    session,
    me,
    api,
    flash: await takeFlash(session),
    data: undefined,
    can: (capability) => me.capabilities.includes(capability),
    async fail(error) {
      if (error instanceof StrapiError && (error.status === 401 || error.status === 403)) forgetMe(session);
      const ended = await endedSession(context, session, error);
      if (ended) return ended;
      if (error instanceof StrapiError) {
        // A rewrite, not an empty 404: endpoints (downloads) get the branded page too.
        if (error.status === 404) return context.rewrite('/404');
        if (error.status === 403) return context.rewrite('/forbidden');
      }
      throw error;
    },
  };
};
