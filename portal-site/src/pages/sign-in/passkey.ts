import type { APIRoute } from 'astro';

import { json, jsonError, readJson } from '../../lib/server/json';
import { publicPage } from '../../lib/server/public-page';
import { safeNext } from '../../lib/server/sign-in-redirect';
import { passkeySignIn } from '../../lib/server/sign-in';
import { browserOf, openSignedIn } from '../../lib/server/sign-in-flow';
import { StrapiError } from '../../lib/server/strapi';
import { SIGN_IN_PER_IP, throttle } from '../../lib/server/throttle';

const CHALLENGE_MAX = 500;

/**
 * The second half of a passkey sign-in: the browser's signed answer goes to the API, which checks
 * it against the passkey it holds; the portal then opens the browser session and tells the script
 * where to go.
 */
export const POST: APIRoute = async (context) => {
  const { t, branding } = await publicPage(context);
  const body = await readJson(context.request);
  const challenge = typeof body?.challenge === 'string' && body.challenge.length <= CHALLENGE_MAX ? body.challenge : null;
  const response = body?.response;
  if (!challenge || response === null || typeof response !== 'object') return jsonError(t('signIn.passkey.failed'), 400);
  const next = safeNext(typeof body?.next === 'string' ? body.next.slice(0, 500) : '/');

  const browser = browserOf(context);
  const guard = throttle();
  if (await guard.isBlocked('sign-in-ip', browser.ip, SIGN_IN_PER_IP)) return jsonError(t('auth.signIn.throttled'), 429);

  let answer;
  try {
    answer = await passkeySignIn(challenge, response, browser);
  } catch (error) {
    if (error instanceof StrapiError && [400, 401, 404, 410].includes(error.status)) {
      await guard.fail('sign-in-ip', browser.ip, SIGN_IN_PER_IP);
      return jsonError(t('signIn.passkey.rejected'), 401);
    }
    if (error instanceof StrapiError && error.status === 403) return jsonError(t('auth.signIn.noAccess', { firm: branding.firmName }), 403);
    if (error instanceof StrapiError && error.status === 429) return jsonError(t('auth.signIn.throttled'), 429);
    return jsonError(t('auth.signIn.unavailable'), 503);
  }
  try {
    const { location } = await openSignedIn(context, answer, { next });
    return json({ redirect: location });
  } catch (error) {
    if (error instanceof StrapiError && error.status === 403) return jsonError(t('auth.signIn.noAccess', { firm: branding.firmName }), 403);
    return jsonError(t('auth.signIn.unavailable'), 503);
  }
};

export const GET: APIRoute = () => new Response(null, { status: 405, headers: { allow: 'POST' } });
