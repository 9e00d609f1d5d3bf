import type { APIRoute } from 'astro';

import { portalApi } from '../lib/server/api';
import { closeBrowserSession } from '../lib/server/browser-session';

/**
 * Ends this browser's session, in the API as well (POST only: a link or image cannot sign anyone
 * out). The browser session ends here whatever the API answers.
 */
export const POST: APIRoute = async ({ cookies, locals, redirect }) => {
  const current = await locals.browserSession();
  if (current?.data.signInSessionId) {
    try {
      await portalApi(current.data.jwt, current.data.clientId).endSignInSession(current.data.signInSessionId);
    } catch {
      // Already ended there, or the API is away: the token is never used again either way.
    }
  }
  await closeBrowserSession(cookies, current);
  return redirect('/sign-in?notice=signed-out', 303);
};

export const GET: APIRoute = () => new Response(null, { status: 405, headers: { allow: 'POST' } });
