import { posix } from 'node:path';

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../constants';

/** Content types whose files the firm publishes on purpose (the logo and favicon on the portal). */
const PUBLIC_OWNERS = [UID.branding];

/**
 * The file a request names as the static server finds it: the path decoded once, repeated slashes
 * and `.` segments dropped, `..` resolved. Compared raw, `/uploads//f`, `/uploads/./f`,
 * `/uploads/x/../f`, `/uploads%2Ff` or `/%75ploads/f` would pass here and still be served. Null
 * for a path that does not decode, which the static server refuses too.
 */
export const servedPath = (raw: string): string | null => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return posix.normalize(decoded.replace(/\/{2,}/g, '/'));
};

/**
 * Strapi's local upload provider serves every file under /uploads to anyone. A file attached to a
 * client record (a contract PDF, an invoice PDF, a message attachment) must only leave through
 * the portal's checked download routes, so this answers 404 for it here, before `strapi::public`.
 */
const privateFiles = (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: { method: string; path: string }, next: () => Promise<void>) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const path = servedPath(ctx.path);
    if (!path?.startsWith('/uploads/')) return next();
    const name = path.slice('/uploads/'.length);
    const knex = strapi.db.connection;
    // `formats` is JSON (jsonb on PostgreSQL): compare its text.
    const formatsAsText = strapi.db.dialect.client === 'mysql' ? 'CAST(f.formats AS CHAR)' : 'CAST(f.formats AS TEXT)';
    const owned = await knex('files as f')
      .join('files_related_mph as r', 'r.file_id', 'f.id')
      // Image thumbnails live in `formats`; match their URLs too, with LIKE wildcards escaped.
      .where((q) => q.where('f.url', path).orWhereRaw(`${formatsAsText} like ? escape '!'`, [`%${name.replace(/[!%_]/g, '!$&')}%`]))
      .andWhere('r.related_type', 'like', 'plugin::clientia.%')
      .whereNotIn('r.related_type', PUBLIC_OWNERS)
      .first('f.id');
    if (owned) throw new errors.NotFoundError('Not Found');
    return next();
  };

export default privateFiles;
