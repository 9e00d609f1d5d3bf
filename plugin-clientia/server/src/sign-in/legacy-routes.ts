import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { CONTACT_ROLE_TYPE, STRAPI_UID } from '../constants';
import { records } from '../repositories/records';

/**
 * users-permissions' own sign-in (`POST /api/auth/local`) stays for the app's other users, and is
 * closed to portal contacts, who sign in through the plugin's routes (sessions that can be ended,
 * second factors, per-account limits): it answers a contact's right password exactly as a wrong
 * one, so it is no place to guess passwords and gives no token (a token without a session would
 * be refused by the portal API anyway).
 */
type Context = { status: number; body: unknown };
type Middleware = (ctx: Context, next: () => Promise<unknown>) => Promise<unknown>;

const isContact = async (strapi: Core.Strapi, where: Record<string, unknown>) =>
  Boolean(await records(strapi, STRAPI_UID.user).findOne({ select: ['id'], where: { ...where, role: { type: CONTACT_ROLE_TYPE } } }));

const noTokenForContacts =
  (strapi: Core.Strapi): Middleware =>
  async (ctx, next) => {
    await next();
    const user = (ctx.body as { user?: { id?: unknown } } | undefined)?.user;
    if (ctx.status === 200 && typeof user?.id === 'number' && (await isContact(strapi, { id: user.id }))) {
      ctx.body = null;
      // users-permissions' own words for a wrong password.
      throw new errors.ValidationError('Invalid identifier or password');
    }
  };

const CLOSED: Record<string, (strapi: Core.Strapi) => Middleware> = {
  'auth.callback': noTokenForContacts,
};

interface Route {
  handler?: unknown;
  info?: { pluginName?: string };
  config?: { middlewares?: unknown[] };
}
type Router = { type?: string; routes?: Route[] };

/** Adds the closures to users-permissions' content API routes as Strapi mounts them. */
export const closeLegacyAuthToContacts = (strapi: Core.Strapi) => {
  const server = strapi.server as unknown as { routes: (router: Router) => unknown };
  const mount = server.routes.bind(server);
  server.routes = (router: Router) => {
    if (router.type === 'content-api') {
      for (const route of router.routes ?? []) {
        const close = typeof route.handler === 'string' && route.info?.pluginName === 'users-permissions' ? CLOSED[route.handler] : undefined;
        if (close) route.config = { ...route.config, middlewares: [...(route.config?.middlewares ?? []), close(strapi)] };
      }
    }
    return mount(router);
  };
};
