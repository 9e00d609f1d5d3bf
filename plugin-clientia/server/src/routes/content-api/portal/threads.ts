import type { PortalRouteSpec } from '../../../portal/route-spec';

export const threadsRoutes: PortalRouteSpec[] = [];
