import type { APIRoute } from 'astro';

import { browserHeaders } from '../../lib/server/forwarded';
import { clientIp } from '../../lib/server/forms';
import { json, jsonError, readJson } from '../../lib/server/json';
import { flash } from '../../lib/server/browser-session';
import { StrapiError } from '../../lib/server/strapi';
import { passkeyNameProblem } from '../../lib/server/account-security';
import { signedInJson } from './_signed-in-json';

const CHALLENGE_MAX = 500;

/** The second half of adding a passkey: the browser's new credential, with the name the contact gave it. */
export const POST: APIRoute = async (context) => {
  const signedIn = await signedInJson(context);
  if (signedIn instanceof Response) return signedIn;
  const { api, t, browserSession } = signedIn;
  const body = await readJson(context.request);
  const challenge = typeof body?.challenge === 'string' && body.challenge.length <= CHALLENGE_MAX ? body.challenge : null;
  const response = body?.response;
  const name = typeof body?.name === 'string' ? body.name.trim() : '';
  if (!challenge || response === null || typeof response !== 'object') return jsonError(t('security.passkeys.failed'), 400);
  const problem = passkeyNameProblem(name);
  if (problem) return jsonError(t(problem), 400);

  const browser = browserHeaders({ clientAddress: clientIp(context), userAgent: context.request.headers.get('user-agent') });
  try {
    await api.addPasskey({ challenge, response, name }, browser);
  } catch (error) {
    const ended = await signedIn.ended(error);
    if (ended) return ended;
    if (error instanceof StrapiError && error.status === 429) return jsonError(t('auth.signIn.throttled'), 429);
    if (error instanceof StrapiError && error.status === 409) return jsonError(t('security.passkeys.duplicate'), 409);
    return jsonError(t('security.passkeys.failed'), error instanceof StrapiError && error.status < 500 ? error.status : 503);
  }
  await flash(browserSession, { kind: 'success', key: 'security.passkeys.addedFlash' });
  // A query of its own: from /account#passkeys, a link differing only by its fragment would not load the page again.
  return json({ redirect: '/account?passkey=added#passkeys' });
};

export const GET: APIRoute = () => new Response(null, { status: 405, headers: { allow: 'POST' } });
