/**
 * The plugin's app-level middlewares: `request-files` belongs before `strapi::body` (it refuses a
 * multipart body a route does not take before the parser writes it to disk, and removes the
 * parser's temporary files afterwards); the other two between `strapi::body` (portal-input reads
 * the parsed body) and `strapi::public` (private-files must see `/uploads/...` before it is
 * served). Strapi mounts the app's middleware list only after every plugin's register, so the
 * plugin puts them there itself: installing it takes no edit of config/middlewares.ts. An app that
 * lists them keeps its own placement, as long as each is before the one it guards; otherwise the
 * start is refused.
 */
export const FILES_MIDDLEWARE = 'plugin::clientia.request-files';
export const REQUIRED_MIDDLEWARES = ['plugin::clientia.portal-input', 'plugin::clientia.private-files'] as const;

export type MiddlewareEntry = string | { name?: unknown; resolve?: unknown; config?: unknown };

/**
 * What Strapi mounts for an app without a config/middlewares file (its register-middlewares
 * default), so such an app gets the same stack plus the plugin's two.
 */
export const STRAPI_DEFAULT_MIDDLEWARES: readonly string[] = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::session',
  'strapi::query',
  'strapi::body',
  'strapi::favicon',
  'strapi::public',
];

const nameOf = (entry: MiddlewareEntry) => (typeof entry === 'string' ? entry : typeof entry?.name === 'string' ? entry.name : null);

/** What is wrong with the app's own placement of the plugin's middlewares, or null. */
export const middlewarePlacementProblem = (entries: readonly MiddlewareEntry[]): string | null => {
  const names = entries.map(nameOf);
  const bodyAt = names.indexOf('strapi::body');
  if (bodyAt >= 0 && names.indexOf(FILES_MIDDLEWARE) > bodyAt) {
    return (
      `Clientia: config/middlewares.ts lists ${FILES_MIDDLEWARE} after 'strapi::body', where uploads have already been ` +
      `written to temporary files. Move it before 'strapi::body', or remove the plugin's line: the plugin then places it itself.`
    );
  }
  const publicAt = names.indexOf('strapi::public');
  const late = REQUIRED_MIDDLEWARES.filter((name) => publicAt >= 0 && names.indexOf(name) > publicAt);
  if (late.length === 0) return null;
  return (
    `Clientia: config/middlewares.ts lists ${late.join(' and ')} after 'strapi::public', where files of client records ` +
    `would already have been served from /uploads. Move ${late.length > 1 ? 'them' : 'it'} before 'strapi::public', ` +
    `or remove the plugin's lines: the plugin then places them itself.`
  );
};

/**
 * The app's middleware list with whichever of the plugin's middlewares it does not list inserted:
 * `request-files` just before `strapi::body`, the others just before `strapi::public` (at the end
 * when there is none; Strapi refuses that list anyway). The same list when the app already lists
 * them all. Throws the placement problem.
 */
export const withPluginMiddlewares = (configured: readonly MiddlewareEntry[] | undefined): MiddlewareEntry[] => {
  const entries = [...(configured ?? STRAPI_DEFAULT_MIDDLEWARES)];
  const problem = middlewarePlacementProblem(entries);
  if (problem) throw new Error(problem);
  if (!entries.map(nameOf).includes(FILES_MIDDLEWARE)) {
    const bodyAt = entries.map(nameOf).indexOf('strapi::body');
    entries.splice(bodyAt >= 0 ? bodyAt : 0, 0, FILES_MIDDLEWARE);
  }
  const names = entries.map(nameOf);
  const missing = REQUIRED_MIDDLEWARES.filter((name) => !names.includes(name));
  if (missing.length === 0) return entries;
  const publicAt = names.indexOf('strapi::public');
  entries.splice(publicAt >= 0 ? publicAt : entries.length, 0, ...missing);
  return entries;
};
