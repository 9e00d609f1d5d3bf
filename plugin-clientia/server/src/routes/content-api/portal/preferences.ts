import type { PortalRouteSpec } from '../../../portal/route-spec';

export const preferencesRoutes: PortalRouteSpec[] = [
  {
    method: 'GET',
    path: '/preferences',
    handler: 'portal-preferences.find',
    capability: 'preferences',
    summary: 'The caller’s language and notification settings for the active client',
  },
  {
    method: 'PUT',
    path: '/preferences',
    handler: 'portal-preferences.update',
    capability: 'preferences',
    summary: 'Change the caller’s language or notification settings for the active client',
    example: { body: { language: 'de-CH', notifications: { invoices: true, messages: false } } },
  },
];
