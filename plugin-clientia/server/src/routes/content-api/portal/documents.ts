import type { PortalRouteSpec } from '../../../portal/route-spec';

export const documentsRoutes: PortalRouteSpec[] = [];
