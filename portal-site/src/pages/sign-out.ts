import type { APIRoute } from 'astro';

import { signOutSession } from '../lib/server/session';

/** Ends this browser's session (POST only: a link or image cannot sign anyone out). */
export const POST: APIRoute = async ({ cookies, redirect }) => {
  await signOutSession(cookies);
  return redirect('/sign-in?notice=signed-out', 303);
};

export const GET: APIRoute = () => new Response(null, { status: 405, headers: { allow: 'POST' } });
