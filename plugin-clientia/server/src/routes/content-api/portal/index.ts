import type { PortalRouteSpec } from '../../../portal/route-spec';
import { activityRoutes } from './activity';
import { billingRoutes } from './billing';
import { contractsRoutes } from './contracts';
import { dashboardRoutes } from './dashboard';
import { documentsRoutes } from './documents';
import { meRoutes } from './me';
import { passkeyRoutes } from './passkeys';
import { preferencesRoutes } from './preferences';
import { projectsRoutes } from './projects';
import { securityRoutes } from './security';
import { seatsRoutes } from './seats';
import { threadsRoutes } from './threads';

/** Every portal route. Tests, docs and the contact role's permissions are generated from this list. */
export const PORTAL_ROUTES: readonly PortalRouteSpec[] = [
  ...meRoutes,
  ...dashboardRoutes,
  ...contractsRoutes,
  ...billingRoutes,
  ...seatsRoutes,
  ...documentsRoutes,
  ...projectsRoutes,
  ...threadsRoutes,
  ...activityRoutes,
  ...preferencesRoutes,
  ...securityRoutes,
  ...passkeyRoutes,
];
