import type { APIRoute } from 'astro';

import { browserHeaders } from '../../../lib/server/forwarded';
import { clientIp } from '../../../lib/server/forms';
import { json, jsonError } from '../../../lib/server/json';
import { StrapiError } from '../../../lib/server/strapi';
import { signedInJson } from '../_signed-in-json';

/** The first half of adding a passkey: what the browser's WebAuthn call takes, and the API's challenge. */
export const POST: APIRoute = async (context) => {
  const signedIn = await signedInJson(context);
  if (signedIn instanceof Response) return signedIn;
  const { api, t } = signedIn;
  const browser = browserHeaders({ clientAddress: clientIp(context), userAgent: context.request.headers.get('user-agent') });
  try {
    const { data } = await api.passkeyRegistrationOptions(browser);
    return json({ challenge: data.challenge, options: data.options });
  } catch (error) {
    const ended = await signedIn.ended(error);
    if (ended) return ended;
    if (error instanceof StrapiError && error.status === 429) return jsonError(t('auth.signIn.throttled'), 429);
    return jsonError(t('security.passkeys.failed'), error instanceof StrapiError && error.status < 500 ? error.status : 503);
  }
};

export const GET: APIRoute = () => new Response(null, { status: 405, headers: { allow: 'POST' } });
