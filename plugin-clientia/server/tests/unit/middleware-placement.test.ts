import { FILES_MIDDLEWARE, middlewarePlacementProblem, REQUIRED_MIDDLEWARES, STRAPI_DEFAULT_MIDDLEWARES, withPluginMiddlewares } from '../../src/middlewares/placement';

// A new Strapi 5 app's config/middlewares.ts.
const NEW_APP = ['strapi::logger', 'strapi::errors', 'strapi::security', 'strapi::cors', 'strapi::poweredBy', 'strapi::query', 'strapi::body', 'strapi::session', 'strapi::favicon', 'strapi::public'];
const [PORTAL_INPUT, PRIVATE_FILES] = REQUIRED_MIDDLEWARES;

describe('the plugin’s middlewares in the app’s middleware list', () => {
  it('puts request-files just before strapi::body and the other two just before strapi::public when the app lists none, leaving the rest in order', () => {
    const list = withPluginMiddlewares(NEW_APP);
    expect(list).toEqual([...NEW_APP.slice(0, 6), FILES_MIDDLEWARE, ...NEW_APP.slice(6, -1), PORTAL_INPUT, PRIVATE_FILES, 'strapi::public']);
    // Before strapi::body: a multipart body a route does not take is refused before it is written to disk.
    expect(list.indexOf(FILES_MIDDLEWARE)).toBe(list.indexOf('strapi::body') - 1);
    // After strapi::body: portal-input reads the parsed body.
    expect(list.indexOf(PORTAL_INPUT)).toBeGreaterThan(list.indexOf('strapi::body'));
    expect(NEW_APP).toHaveLength(10);
  });

  it('keeps an app’s own placement, as names or as objects with config', () => {
    const own = ['strapi::logger', 'strapi::errors', { name: FILES_MIDDLEWARE }, 'strapi::body', PORTAL_INPUT, 'strapi::security', { name: PRIVATE_FILES }, 'strapi::favicon', 'strapi::public'];
    expect(withPluginMiddlewares(own)).toEqual(own);
    const custom = [...NEW_APP.slice(0, -1), { name: 'strapi::public', config: { maxAge: 60_000 } }];
    expect(withPluginMiddlewares(custom).slice(-3)).toEqual([PORTAL_INPUT, PRIVATE_FILES, { name: 'strapi::public', config: { maxAge: 60_000 } }]);
  });

  it('adds only the one the app left out', () => {
    const list = withPluginMiddlewares([...NEW_APP.slice(0, 7), PRIVATE_FILES, ...NEW_APP.slice(7)]);
    expect(list.filter((entry) => entry === PRIVATE_FILES)).toHaveLength(1);
    expect(list.indexOf(PORTAL_INPUT)).toBe(list.indexOf('strapi::public') - 1);
    expect(list.indexOf(PRIVATE_FILES)).toBeLessThan(list.indexOf('strapi::public'));
  });

  it('gives an app without a middleware file Strapi’s default stack plus the two', () => {
    const body = STRAPI_DEFAULT_MIDDLEWARES.indexOf('strapi::body');
    expect(withPluginMiddlewares(undefined)).toEqual([
      ...STRAPI_DEFAULT_MIDDLEWARES.slice(0, body),
      FILES_MIDDLEWARE,
      ...STRAPI_DEFAULT_MIDDLEWARES.slice(body, -1),
      PORTAL_INPUT,
      PRIVATE_FILES,
      'strapi::public',
    ]);
  });

  it('refuses a start where the app placed one after strapi::public, which would have served /uploads first', () => {
    const late = [...NEW_APP, PRIVATE_FILES];
    expect(middlewarePlacementProblem(late)).toContain(`lists ${PRIVATE_FILES} after 'strapi::public'`);
    expect(() => withPluginMiddlewares(late)).toThrow(/after 'strapi::public'.*remove the plugin's lines/);
    expect(() => withPluginMiddlewares([...NEW_APP, { name: PORTAL_INPUT }, PRIVATE_FILES])).toThrow(`lists ${PORTAL_INPUT} and ${PRIVATE_FILES} after`);
    expect(middlewarePlacementProblem(withPluginMiddlewares(NEW_APP))).toBeNull();
  });

  it('refuses a start where the app placed request-files after strapi::body, where uploads are on disk already', () => {
    const late = [...NEW_APP.slice(0, 7), FILES_MIDDLEWARE, ...NEW_APP.slice(7)];
    expect(middlewarePlacementProblem(late)).toContain(`lists ${FILES_MIDDLEWARE} after 'strapi::body'`);
    expect(() => withPluginMiddlewares(late)).toThrow(/Move it before 'strapi::body'/);
  });
});
