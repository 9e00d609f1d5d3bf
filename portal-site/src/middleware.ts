import { defineMiddleware, sequence } from 'astro:middleware';

import { browserSessionFromCookies, type LiveBrowserSession } from './lib/server/browser-session';
import { config } from './lib/server/config';
import { canonicalAnswer, isSameOriginWrite } from './lib/server/request-guards';
import { securityHeaders } from './lib/server/security-headers';

const withSecurityHeaders = defineMiddleware(async (_context, next) => {
  const response = await next();
  for (const [name, value] of Object.entries(securityHeaders(config().production))) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  // Pages show one contact's records: never stored by shared caches or kept in the browser's history cache.
  if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'no-store');
  return response;
});

const plainText = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/** Cross-site writes are refused (Astro's own origin check covers only form posts). */
const sameOriginWrites = defineMiddleware((context, next) =>
  isSameOriginWrite(context.request, context.url, config().publicUrl) ? next() : plainText('Cross-site requests are refused.', 403)
);

/** One address in production: links, cookies and redirects all use PUBLIC_URL. */
const canonicalHost = defineMiddleware((context, next) => {
  const answer = canonicalAnswer(context.url, context.request.method, config().publicUrl, config().production);
  if (answer.kind === 'redirect') return context.redirect(answer.location, 308);
  if (answer.kind === 'refuse') return plainText('Use the portal at its own address.', 421);
  return next();
});

/** Routes that answer everyone alike (and may be cached as such): they never read a browser session. */
const SESSIONLESS_ROUTES = new Set(['/health', '/brand/theme.css', '/brand/[asset]']);

/**
 * The browser's session, read from its cookie at most once per request, and only when a page or
 * endpoint asks for it: pages anyone may see render even while the session store is unreachable.
 */
const browserSession = defineMiddleware((context, next) => {
  let read: Promise<LiveBrowserSession | null> | undefined;
  context.locals.browserSession = () =>
    (read ??= SESSIONLESS_ROUTES.has(context.routePattern) ? Promise.resolve(null) : browserSessionFromCookies(context.cookies));
  return next();
});

export const onRequest = sequence(withSecurityHeaders, canonicalHost, sameOriginWrites, browserSession);
