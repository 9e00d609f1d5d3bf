import type { PortalRouteSpec } from '../../../portal/route-spec';

export const activityRoutes: PortalRouteSpec[] = [
  {
    method: 'GET',
    path: '/activity',
    handler: 'portal-activity.find',
    capability: 'dashboard',
    summary: 'The client’s activity feed, newest first',
  },
];
