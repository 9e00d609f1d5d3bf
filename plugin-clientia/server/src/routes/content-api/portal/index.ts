import type { PortalRouteSpec } from '../../../portal/route-spec';
import { meRoutes } from './me';

/** Every portal route. Tests, docs and the contact role's permissions are generated from this list. */
export const PORTAL_ROUTES: readonly PortalRouteSpec[] = [...meRoutes];
