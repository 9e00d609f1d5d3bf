import type { PortalRouteSpec } from '../../../portal/route-spec';

export const meRoutes: PortalRouteSpec[] = [
  {
    method: 'GET',
    path: '/me',
    handler: 'portal-me.find',
    capability: 'dashboard',
    summary: 'The signed-in contact, their clients, the active client, their role and what it allows',
  },
];
