import type { APIRoute } from 'astro';

import { portalApi } from '../lib/server/api';
import { sessionFromCookies, signOutSession } from '../lib/server/session';

/**
 * Ends this browser's session, in the API as well (POST only: a link or image cannot sign anyone
 * out). The portal's record goes whatever the API answers.
 */
export const POST: APIRoute = async ({ cookies, redirect }) => {
  const current = await sessionFromCookies(cookies);
  if (current?.data.apiSessionId) {
    try {
      await portalApi(current.data.jwt, current.data.clientId).endSession(current.data.apiSessionId);
    } catch {
      // Already ended there, or the API is away: the token is never used again either way.
    }
  }
  await signOutSession(cookies);
  return redirect('/sign-in?notice=signed-out', 303);
};

export const GET: APIRoute = () => new Response(null, { status: 405, headers: { allow: 'POST' } });
