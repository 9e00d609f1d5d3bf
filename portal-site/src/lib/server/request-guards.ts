/** The decisions the middleware makes about a request, as plain functions of what it sees. */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const isSafeMethod = (method: string) => SAFE_METHODS.has(method);

/**
 * Every state change is a POST from one of the portal's own pages: a write is accepted only when
 * its Origin (or, failing that, its Referer) is the request's own origin or the canonical one.
 */
export const isSameOriginWrite = (request: Request, url: URL, publicUrl: string): boolean => {
  if (isSafeMethod(request.method)) return true;
  const origin = request.headers.get('origin');
  let from: string | null = origin && origin !== 'null' ? origin : null;
  const referer = request.headers.get('referer');
  if (!from && referer) {
    try {
      from = new URL(referer).origin;
    } catch {
      from = null;
    }
  }
  return from !== null && (from === url.origin || from === new URL(publicUrl).origin);
};

type CanonicalAnswer = { kind: 'pass' } | { kind: 'redirect'; location: string } | { kind: 'refuse' };

/**
 * In production the portal answers on PUBLIC_URL only: a visit through another host name is sent
 * there (a write is refused rather than replayed); the health probe answers on any address.
 */
export const canonicalAnswer = (url: URL, method: string, publicUrl: string, production: boolean): CanonicalAnswer => {
  if (!production || url.pathname === '/health') return { kind: 'pass' };
  const canonical = new URL(publicUrl);
  if (url.host === canonical.host) return { kind: 'pass' };
  if (!isSafeMethod(method)) return { kind: 'refuse' };
  return { kind: 'redirect', location: new URL(url.pathname + url.search, canonical.origin).toString() };
};
