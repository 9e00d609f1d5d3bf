import type { APIContext } from 'astro';

import type { Translator } from '../../lib/i18n';
import { portalApi, type PortalApi } from '../../lib/server/api';
import type { LiveBrowserSession } from '../../lib/server/browser-session';
import { jsonError } from '../../lib/server/json';
import { publicPage } from '../../lib/server/public-page';
import { endedSession } from '../../lib/server/sign-in-redirect';

export interface SignedInJson {
  browserSession: LiveBrowserSession;
  api: PortalApi;
  t: Translator;
  /** The answer for a failed call when the session has ended (the script then goes to sign in), else null. */
  ended(error: unknown): Promise<Response | null>;
}

/**
 * The signed-in JSON endpoints of the account page (called by its script): the browser session is
 * checked as on every page, but a refusal is JSON the script can act on, not a redirect to follow.
 */
export const signedInJson = async (context: APIContext): Promise<SignedInJson | Response> => {
  const session = await context.locals.browserSession();
  const { t } = await publicPage(context, session?.data.locale);
  if (!session) return jsonError(t('auth.notice.expired'), 401, '/sign-in?notice=expired&next=%2Faccount');
  return {
    browserSession: session,
    api: portalApi(session.data.jwt, session.data.clientId),
    t,
    async ended(error) {
      const redirect = await endedSession(context, session, error);
      if (!redirect) return null;
      return jsonError(t('auth.notice.expired'), 401, redirect.headers.get('location') ?? '/sign-in');
    },
  };
};
