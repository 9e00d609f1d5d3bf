import { defineMiddleware, sequence } from 'astro:middleware';

import { config } from './lib/server/config';
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

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every state change is a POST from one of the portal's own pages. Astro's origin check covers
 * form posts; this one also covers any other content type, and accepts the canonical origin
 * (PUBLIC_URL, read at run time) besides the request's own.
 */
const sameOriginWrites = defineMiddleware((context, next) => {
  if (SAFE_METHODS.has(context.request.method)) return next();
  const origin = context.request.headers.get('origin');
  const referer = context.request.headers.get('referer');
  const allowed = new Set([context.url.origin, new URL(config().publicUrl).origin]);
  let from: string | null = origin && origin !== 'null' ? origin : null;
  if (!from && referer) {
    try {
      from = new URL(referer).origin;
    } catch {
      from = null;
    }
  }
  if (!from || !allowed.has(from)) {
    return new Response('Cross-site requests are refused.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  return next();
});

/**
 * In production the portal answers on one address only, PUBLIC_URL (the firm's domain): a visit
 * through any other host name is sent there, so links, cookies and redirects all use it. The health
 * probe stays reachable on any address for the container's own check.
 */
const canonicalHost = defineMiddleware((context, next) => {
  if (!config().production || context.url.pathname === '/health') return next();
  const canonical = new URL(config().publicUrl);
  if (context.url.host === canonical.host) return next();
  if (!SAFE_METHODS.has(context.request.method)) {
    return new Response('Use the portal at its own address.', { status: 421, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  return context.redirect(new URL(context.url.pathname + context.url.search, canonical.origin).toString(), 308);
});

export const onRequest = sequence(withSecurityHeaders, canonicalHost, sameOriginWrites);
