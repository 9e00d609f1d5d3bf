import { fieldError } from '../domain/errors';

export interface PortalRequestContext {
  path: string;
  query: Record<string, unknown>;
  request: { body?: unknown };
}

/** The path of the first text containing a NUL character, which no field may hold (and PostgreSQL refuses). */
const nulPath = (value: unknown, path: string[] = []): string[] | null => {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulPath(item, [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = key.includes('\u0000') ? [...path, key] : nulPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
};

/**
 * Guards the portal API's input before any route runs: refuses NUL characters in the query and
 * body with a 400 naming the field. (The temporary files of uploads are removed by
 * `request-files`, before the body parser, for every route.)
 */
const portalInput = () => async (ctx: PortalRequestContext, next: () => Promise<void>) => {
  if (!ctx.path.startsWith('/api/clientia/')) return next();
  const bad = nulPath(ctx.query) ?? nulPath(ctx.request.body);
  if (bad) throw fieldError(bad.length ? bad : ['body'], 'must not contain control characters');
  await next();
};

export default portalInput;
