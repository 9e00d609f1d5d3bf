/**
 * The plugin's two app-level middlewares live in the app's own config/middlewares.ts, where a
 * plugin cannot put them itself. Without them the PDFs staff attach to client records would be
 * served to anyone from /uploads, so a start without them (or with them after `strapi::public`)
 * is refused with the lines to add, rather than running open.
 */
export const REQUIRED_MIDDLEWARES = ['plugin::clientia.portal-input', 'plugin::clientia.private-files'] as const;

type MiddlewareEntry = string | { name?: unknown; resolve?: unknown };

const nameOf = (entry: MiddlewareEntry) => (typeof entry === 'string' ? entry : typeof entry?.name === 'string' ? entry.name : null);

/** What is wrong with the app's middleware list for this plugin, or null when it is right. */
export const middlewarePlacementProblem = (entries: readonly MiddlewareEntry[]): string | null => {
  const names = entries.map(nameOf);
  const publicAt = names.indexOf('strapi::public');
  const missing = REQUIRED_MIDDLEWARES.filter((name) => !names.includes(name));
  const late = REQUIRED_MIDDLEWARES.filter((name) => publicAt >= 0 && names.indexOf(name) > publicAt);
  if (missing.length === 0 && late.length === 0) return null;
  const lines = REQUIRED_MIDDLEWARES.map((name) => `  '${name}',`).join('\n');
  const what = missing.length ? `is missing ${missing.join(' and ')}` : `lists ${late.join(' and ')} after 'strapi::public'`;
  return `Clientia: config/middlewares.ts ${what}. Add these lines just before 'strapi::public' (after 'strapi::body'), so files of client records are never served from /uploads:\n${lines}`;
};
