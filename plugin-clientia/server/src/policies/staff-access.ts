import { AsyncLocalStorage } from 'node:async_hooks';

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { PLUGIN_ID } from '../../../shared/plugin';
import { adminActionDefinitions, STAFF_ACCESS, type AdminAction } from '../permissions';

/**
 * Strapi's generic admin tools (the Content Manager, releases, history, the admin homepage)
 * check only their own permissions, which Strapi's default Editor and Author roles hold for
 * every content type. Client records need the plugin's actions too. Two locks, one rule
 * (`STAFF_ACCESS`): a policy on every admin route of other plugins that names a Clientia type
 * anywhere in the request, and a guard on the Document Service for what those routes reach
 * without naming one. The plugin's own admin routes state their actions themselves.
 */

const STAFF_ACCESS_POLICY = `plugin::${PLUGIN_ID}.staff-access`;

interface Ability {
  can: (action: string) => boolean;
}

interface AdminRequestState {
  auth?: { strategy?: { name?: string } };
  userAbility?: Ability;
  route?: { info?: { pluginName?: string } };
}

// Strapi copies the request context's own fields into the policy context: the request, the
// route's parameters and the state, not Koa's delegated getters such as `ctx.method`.
export interface PolicyContext {
  params?: Record<string, unknown>;
  request: { method: string; path: string; querystring?: string; body?: unknown };
  state: AdminRequestState;
}

const CLIENTIA_TYPE = /plugin::clientia\.[a-z0-9-]+/gi;
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Content Manager actions sent as POST that only look records up.
const LOOKUP_ACTION = /\/actions\/(bulkFindForValidation|countManyEntriesDraftRelations|countDraftRelations)\/?$/i;

/** Percent-decoded until stable, so `plugin%253A%253Aclientia.invoice` names the invoice too. */
const decoded = (value: string) => {
  let text = value;
  for (let round = 0; round < 4; round += 1) {
    let next: string;
    try {
      next = decodeURIComponent(text);
    } catch {
      return text;
    }
    if (next === text) return text;
    text = next;
  }
  return text;
};

const asText = (value: unknown) => {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return '';
  }
};

/** Every Clientia content type a request names: in its path, query, route parameters or body. */
export const namedClientiaTypes = (ctx: Pick<PolicyContext, 'params' | 'request'>): Set<string> => {
  const found = new Set<string>();
  const { path, querystring, body } = ctx.request;
  for (const part of [path, querystring ?? '', asText(ctx.params), asText(body)]) {
    for (const match of decoded(part).matchAll(CLIENTIA_TYPE)) found.add(match[0].toLowerCase());
  }
  return found;
};

const ACTION_NAMES = new Map(adminActionDefinitions.map((definition) => [`plugin::${PLUGIN_ID}.${definition.uid}`, definition.displayName]));
const typeName = (strapi: Core.Strapi, uid: string) =>
  (strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as { info?: { displayName?: string } } | undefined)?.info?.displayName ?? uid;
const lacking = (action: AdminAction) =>
  new errors.PolicyError(`Your role needs the Clientia permission "${ACTION_NAMES.get(action) ?? action}" for this`);

/**
 * Why the staff member may not do this to this type, or null when they may. A PolicyError,
 * because Strapi's route runner replaces any other 403's message with "Forbidden".
 */
const refusal = (strapi: Core.Strapi, uid: string, reading: boolean, ability: Ability | undefined) => {
  const access = STAFF_ACCESS[uid];
  if (!access) return new errors.PolicyError(`${typeName(strapi, uid)} records are kept by the server and are not open to staff here`);
  const needed = reading ? access.read : access.write;
  if (!needed) return new errors.PolicyError(`${typeName(strapi, uid)} records are written by the server only`);
  return ability?.can(needed) ? null : lacking(needed);
};

const staffAccess = (policyContext: PolicyContext, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const types = namedClientiaTypes(policyContext);
  if (types.size === 0) return true;
  const { method, path } = policyContext.request;
  const reading = READ_METHODS.has(method.toUpperCase()) || LOOKUP_ACTION.test(decoded(path));
  for (const uid of types) {
    const refused = refusal(strapi, uid, reading, policyContext.state.userAbility);
    if (refused) throw refused;
  }
  return true;
};

export default staffAccess;

interface Router {
  type?: string;
  routes?: Array<{ info?: { pluginName?: string }; config?: { policies?: unknown[] } & Record<string, unknown> }>;
}

// Strapi's own admin routes (users, roles and their permission lists) hold no client records;
// the content-type builder shows schemas, not records; the plugin's routes check themselves.
const UNGUARDED_OWNERS = new Set(['admin', 'content-type-builder', PLUGIN_ID]);

const guarded = (router: Router) =>
  (router.type ?? 'admin') === 'admin' && (router.routes ?? []).some((route) => !UNGUARDED_OWNERS.has(route.info?.pluginName ?? ''));

/**
 * Adds the policy to every admin route of the other plugins as Strapi mounts them. Strapi builds
 * routers from factories only while it mounts them, after every register, so the policy is added
 * where each router is handed to the server.
 */
export const lockGenericAdminRoutes = (strapi: Core.Strapi) => {
  const server = strapi.server as unknown as { routes: (router: Router) => unknown };
  const mount = server.routes.bind(server);
  server.routes = (router: Router) => {
    if (guarded(router)) {
      for (const route of router.routes ?? []) {
        if (UNGUARDED_OWNERS.has(route.info?.pluginName ?? '')) continue;
        route.config = { ...route.config, policies: [...(route.config?.policies ?? []), STAFF_ACCESS_POLICY] };
      }
    }
    return mount(router);
  };
};

const outerCall = new AsyncLocalStorage<true>();
const EMPTY_READS: Record<string, unknown> = { findMany: [], findFirst: null, findOne: null, count: 0 };

interface DocumentCall {
  uid: string;
  action: string;
}

/** A signed-in staff member's request to a route that is not the plugin's own. */
const genericAdminRequest = (strapi: Core.Strapi): AdminRequestState | null => {
  const state = (strapi.requestContext.get() as { state?: AdminRequestState } | undefined)?.state;
  if (state?.auth?.strategy?.name !== 'admin') return null;
  return state.route?.info?.pluginName === PLUGIN_ID ? null : state;
};

/**
 * The Document Service lock: the outermost call a generic admin route makes on a Clientia type
 * is checked; the calls it makes in turn (the rules' own reads and writes) are not. A read the
 * staff member may not make finds nothing rather than failing, so Strapi's own screens that
 * gather every type (the admin homepage) still work without showing client records.
 */
export const guardStaffDocuments = (strapi: Core.Strapi) => {
  const middleware = async (call: DocumentCall, next: () => Promise<unknown>) => {
    if (outerCall.getStore() || !call.uid.startsWith(`plugin::${PLUGIN_ID}.`)) return next();
    const state = genericAdminRequest(strapi);
    if (!state) return next();
    const reading = call.action in EMPTY_READS;
    const refused = refusal(strapi, call.uid, reading, state.userAbility);
    if (refused) {
      if (reading) return EMPTY_READS[call.action];
      throw refused;
    }
    return outerCall.run(true, next);
  };
  strapi.documents.use(middleware as unknown as Parameters<Core.Strapi['documents']['use']>[0]);
};
