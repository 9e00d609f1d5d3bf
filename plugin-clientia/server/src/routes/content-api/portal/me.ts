import type { PortalRouteSpec } from '../../../portal/route-spec';

export const meRoutes: PortalRouteSpec[] = [
  {
    method: 'GET',
    path: '/me',
    handler: 'portal-me.find',
    capability: 'dashboard',
    summary: 'The signed-in contact, their clients, the active client, their role and what it allows',
  },
  {
    method: 'PUT',
    path: '/me',
    handler: 'portal-me.update',
    // Every role may change their own name; `preferences` is the capability for one's own settings.
    capability: 'preferences',
    summary: 'Change the contact’s own name (1 to 120 characters), on every client they belong to; answers like GET /me',
    example: { body: { name: 'Dana Fox' } },
  },
];
