/**
 * Every signed-in page and endpoint starts with `portalPage`: the browser session, who the contact
 * is (/me, briefly cached), the client they look at, the page's capability, then the page's data.
 */
import type { PublicBranding } from '@clientia/shared/contracts/branding';
import type { Capability, Me } from '@clientia/shared/contracts/portal';
import { formatter } from '../format';
import { chooseLocale, translator } from '../i18n';
import { fallBackToAnotherClient, keepActiveClient } from './active-client';
import { portalApi, type PortalApi } from './api';
import { brandTheme, loadBranding } from './branding';
import { takeFlash, type Flash, type LiveBrowserSession } from './browser-session';
import { cachedMe, forgetMe, rememberMe } from './me-cache';
import { startPageCalls, type PageCalls } from './page-calls';
import type { PublicPage, RequestContext } from './public-page';
import { endedSession, signInRedirect } from './sign-in-redirect';
import { StrapiError } from './strapi';

export interface PortalPage<T = unknown> extends PublicPage {
  browserSession: LiveBrowserSession;
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

interface PortalPageOptions<T> {
  capability?: Capability;
  /**
   * The page's own calls to Strapi. They start together with /me instead of after it: Strapi checks
   * the token, client and role on each of them as well, and their answer is used only once /me has
   * confirmed who is asking and the page's capability holds. A failure goes to `fail`.
   */
  load?: (api: PortalApi) => Promise<T>;
}

/** /me for the browser session's client; when Strapi refuses it that client with 403, another. */
const askMe = async <T>(
  context: RequestContext,
  session: LiveBrowserSession,
  calls: PageCalls<T>,
  load?: (api: PortalApi) => Promise<T>
): Promise<{ me: Me; calls: PageCalls<T> } | Response> => {
  try {
    return { me: (await calls.api.me()).data, calls };
  } catch (error) {
    const ended = await endedSession(context, session, error);
    if (ended) return ended;
    if (error instanceof StrapiError && error.status === 403 && session.data.clientId) return fallBackToAnotherClient(context, session, load);
    throw error;
  }
};

/** The page with what its `load` answered; a failed `load` gets the page's answer to a failure. */
const withPageData = async <T>(page: PortalPage<undefined>, loaded: PageCalls<T>['loaded']): Promise<PortalPage<T> | Response> => {
  if (!loaded) return { ...page, data: undefined as T };
  const outcome = await loaded;
  if (!outcome.ok) return page.fail(outcome.error);
  return { ...page, data: outcome.value };
};

/**
 * The steps of every signed-in page. The browser session comes from the middleware, and is checked
 * here again (middleware is not trusted to have done it); Strapi is asked who the contact is with
 * the contact's own token; a page the contact's role does not allow is refused.
 */
export const portalPage = async <T = undefined>(context: RequestContext, options: PortalPageOptions<T> = {}): Promise<PortalPage<T> | Response> => {
  const branded = await loadBranding();
  const session = await context.locals.browserSession();
  if (!session) return signInRedirect(context);

  let calls = startPageCalls(portalApi(session.data.jwt, session.data.clientId), options.load);
  const now = Date.now();
  let me = cachedMe(session, now);
  if (!me) {
    const asked = await askMe(context, session, calls, options.load);
    if (asked instanceof Response) return asked;
    ({ me, calls } = asked);
    calls = { ...calls, api: await keepActiveClient(session, me, calls.api) };
    rememberMe(session, me, now);
  }

  const page = await assemblePage(context, { session, branded, me, api: calls.api });
  if (options.capability && !page.can(options.capability)) return context.rewrite('/forbidden');
  return withPageData(page, calls.loaded);
};

/** The page a signed-in contact gets, from what portalPage (or the layout benchmark) gathered. */
export const assemblePage = async (
  context: RequestContext,
  { session, branded, me, api }: { session: LiveBrowserSession; branded: { branding: PublicBranding; live: boolean }; me: Me; api: PortalApi }
): Promise<PortalPage<undefined>> => {
  const locale = chooseLocale(session.data.locale, context.request.headers.get('accept-language'), branded.branding.defaultLocale);
  const t = translator(locale);
  return {
    branding: branded.branding,
    live: branded.live,
    theme: brandTheme(branded.branding),
    t,
    fmt: formatter(locale, me.activeClient.timezone),
    browserSession: session,
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
