import type { PortalRouteSpec } from '../../../portal/route-spec';

export const dashboardRoutes: PortalRouteSpec[] = [
  {
    method: 'GET',
    path: '/dashboard',
    handler: 'portal-dashboard.find',
    capability: 'dashboard',
    summary: 'What needs the contact’s attention: invoices due and hours left (billing roles), contracts to sign, milestones, unread threads',
  },
];
