import type { Core } from '@strapi/strapi';

/** Content types whose files the firm publishes on purpose (the logo and favicon on the portal). */
const PUBLIC_OWNERS = ['plugin::clientia.branding'];

/**
 * Strapi's local upload provider serves every file under /uploads to anyone. A file attached to a
 * client record (a contract PDF, an invoice PDF, a message attachment) must only leave through
 * the portal's checked download routes, so this answers 404 for it here, before `strapi::public`.
 */
const privateFiles = (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: { method: string; path: string; status: number; body: unknown }, next: () => Promise<void>) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !ctx.path.startsWith('/uploads/')) return next();
    let path: string;
    try {
      path = decodeURIComponent(ctx.path);
    } catch {
      ctx.status = 404;
      return;
    }
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
    if (owned) {
      ctx.status = 404;
      ctx.body = 'Not Found';
      return;
    }
    return next();
  };

export default privateFiles;
