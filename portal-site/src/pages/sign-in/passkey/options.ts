import type { APIRoute } from 'astro';

import { json, jsonError } from '../../../lib/server/json';
import { publicPage } from '../../../lib/server/public-page';
import { passkeySignInOptions } from '../../../lib/server/sign-in';
import { browserOf } from '../../../lib/server/sign-in-flow';
import { StrapiError } from '../../../lib/server/strapi';
import { SIGN_IN_PER_IP, throttle } from '../../../lib/server/throttle';

/**
 * The first half of a passkey sign-in, for the sign-in page's script: the options the browser's
 * WebAuthn call takes, and the API's challenge to send back with its answer.
 */
export const POST: APIRoute = async (context) => {
  const { t } = await publicPage(context);
  const browser = browserOf(context);
  if (await throttle().isBlocked('sign-in-ip', browser.ip, SIGN_IN_PER_IP)) return jsonError(t('auth.signIn.throttled'), 429);
  try {
    const ceremony = await passkeySignInOptions(browser);
    return json({ challenge: ceremony.challenge, options: ceremony.options });
  } catch (error) {
    if (error instanceof StrapiError && error.status === 429) return jsonError(t('auth.signIn.throttled'), 429);
    return jsonError(t('auth.signIn.unavailable'), 503);
  }
};

export const GET: APIRoute = () => new Response(null, { status: 405, headers: { allow: 'POST' } });
