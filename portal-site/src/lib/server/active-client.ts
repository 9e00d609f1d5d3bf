/** The client a browser session looks at, when Strapi answers for another one. */
import type { Me } from '@clientia/shared/contracts/portal';
import { portalApi, type PortalApi } from './api';
import { browserSessions, type LiveBrowserSession } from './browser-session';
import { startPageCalls, type PageCalls } from './page-calls';
import type { RequestContext } from './public-page';
import { endedSession } from './sign-in-redirect';

/**
 * The contact was removed from the client their browser session was looking at (Strapi refused
 * /me for it with 403): /me again with no client, so Strapi answers for the first client still
 * theirs, and then the page's own calls again, for that client.
 */
export const fallBackToAnotherClient = async <T>(
  context: RequestContext,
  session: LiveBrowserSession,
  load?: (api: PortalApi) => Promise<T>
): Promise<{ me: Me; calls: PageCalls<T> } | Response> => {
  const api = portalApi(session.data.jwt, null);
  let me: Me;
  try {
    me = (await api.me()).data;
  } catch (again) {
    const ended = await endedSession(context, session, again);
    if (ended) return ended;
    throw again;
  }
  return { me, calls: startPageCalls(api, load) };
};

/**
 * The browser session keeps the client /me answered for (the first one, when none was chosen yet
 * or after a fallback); the API for the rest of the page names that client.
 */
export const keepActiveClient = async (session: LiveBrowserSession, me: Me, api: PortalApi): Promise<PortalApi> => {
  if (session.data.clientId === me.activeClient.documentId) return api;
  // With no client chosen yet, Strapi picked the same first client for /me and for `load`.
  session.data.clientId = me.activeClient.documentId;
  await browserSessions().save(session);
  return portalApi(session.data.jwt, session.data.clientId);
};
