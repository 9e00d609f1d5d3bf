import type { Capability } from '../../../shared/contracts/portal';
import { PLUGIN_ID } from '../../../shared/plugin';

/**
 * One portal route, as the route table, the contact role's permissions, the authorization test
 * matrix and the API docs all read it.
 */
export interface PortalRouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Under /api/clientia; `:id` is always a record's documentId. */
  path: string;
  /** `<controller>.<action>` */
  handler: string;
  capability: Capability;
  /** The content type an `:id` names, so tests can probe own, foreign and missing ids. */
  idOf?: string;
  summary: string;
  /**
   * For the authorization matrix and the fuzzer: a valid request body (JSON) for write routes, or
   * `multipart` for uploads (the probe then sends a small PDF in the field `file`).
   */
  example?: { body?: Record<string, unknown>; multipart?: { field: string; fields?: Record<string, string> } };
  /** Query keys the route accepts besides page, pageSize, sort and client. */
  queryKeys?: readonly string[];
}

export const toStrapiRoute = (spec: PortalRouteSpec) => ({
  method: spec.method,
  path: spec.path,
  handler: spec.handler,
  info: { pluginName: PLUGIN_ID },
  config: {
    policies: [{ name: `plugin::${PLUGIN_ID}.portal`, config: { capability: spec.capability } }],
  },
});

/** The users-permissions action a route needs, e.g. plugin::clientia.portal-me.find. */
export const actionOf = (spec: Pick<PortalRouteSpec, 'handler'>) => `plugin::${PLUGIN_ID}.${spec.handler}`;

/**
 * A route anyone may call, signed in or not (the brand, accepting an invitation). Listed apart
 * from the portal routes: no capability, no contact role permission, and the docs describe its
 * request and answers in words because the probes cannot call it as a persona.
 */
export interface PublicRouteSpec {
  method: 'GET' | 'POST';
  path: string;
  handler: string;
  summary: string;
  /** Markdown: what to send. */
  request: string;
  /** Markdown: each status it answers and with what. */
  responses: string;
  /**
   * Under users-permissions' own limit per address and email (its `ratelimit` config), like
   * `/api/auth/local`: a ceiling for callers that bypass the portal's throttle.
   */
  rateLimited?: boolean;
}

export const toPublicStrapiRoute = (spec: PublicRouteSpec) => ({
  method: spec.method,
  path: spec.path,
  handler: spec.handler,
  info: { pluginName: PLUGIN_ID },
  config: { auth: false as const, policies: [], ...(spec.rateLimited ? { middlewares: ['plugin::users-permissions.rateLimit'] } : {}) },
});
