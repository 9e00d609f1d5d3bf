import { toPublicStrapiRoute } from '../../src/portal/route-spec';
import { PUBLIC_ROUTES } from '../../src/routes/content-api/public';

describe('public routes under users-permissions’ rate limiter', () => {
  const limited = (path: string) => {
    const spec = PUBLIC_ROUTES.find((route) => route.path === path)!;
    return (toPublicStrapiRoute(spec).config as { middlewares?: string[] }).middlewares ?? [];
  };

  it('puts the routes keyed by an email address (password, link, reset requests) under the limiter', () => {
    for (const path of ['/sign-in/password', '/sign-in/links', '/password-resets']) {
      expect({ path, middlewares: limited(path) }).toEqual({ path, middlewares: ['plugin::users-permissions.rateLimit'] });
    }
  });

  it('leaves routes keyed only by the caller’s address alone, since every contact reaches them through the portal’s one address', () => {
    for (const path of ['/sign-in/second-factor', '/branding']) expect({ path, middlewares: limited(path) }).toEqual({ path, middlewares: [] });
  });
});
