import { rm } from 'node:fs/promises';

import { PLUGIN_ID } from '../../../shared/plugin';
import { fieldError } from '../domain/errors';

type UploadedFile = { filepath?: string };

export interface PortalRequestContext {
  path: string;
  query: Record<string, unknown>;
  request: { body?: unknown; files?: Record<string, UploadedFile | UploadedFile[]> };
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

/** The parser's temporary file of every multipart file the request carried. */
const discardUploads = async (ctx: PortalRequestContext) => {
  for (const entry of Object.values(ctx.request.files ?? {})) {
    for (const file of Array.isArray(entry) ? entry : [entry]) {
      if (file?.filepath) await rm(file.filepath, { force: true });
    }
  }
};

/** The plugin's admin API (`/clientia/...`), which staff upload documents and attachments to. */
const ADMIN_PREFIX = `/${PLUGIN_ID}/`;

/**
 * Guards the portal API's input before any route runs: refuses control NUL characters in the
 * query and body with a 400 naming the field. On the portal API and the plugin's admin API alike
 * it removes the temporary files of every upload once the request is answered, including those
 * refused before their route could clean up (a policy or a missing sign-in does not clean up after
 * multipart).
 */
const portalInput = () => async (ctx: PortalRequestContext, next: () => Promise<void>) => {
  if (ctx.path.startsWith(ADMIN_PREFIX)) {
    try {
      return await next();
    } finally {
      await discardUploads(ctx);
    }
  }
  if (!ctx.path.startsWith('/api/clientia/')) return next();
  try {
    const bad = nulPath(ctx.query) ?? nulPath(ctx.request.body);
    if (bad) throw fieldError(bad.length ? bad : ['body'], 'must not contain control characters');
    await next();
  } finally {
    await discardUploads(ctx);
  }
};

export default portalInput;
