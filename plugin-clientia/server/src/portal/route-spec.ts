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
