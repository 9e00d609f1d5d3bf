import type { PortalRouteSpec } from '../../../portal/route-spec';

export const dashboardRoutes: PortalRouteSpec[] = [];
