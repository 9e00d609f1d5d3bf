import type { PortalRouteSpec } from '../../../portal/route-spec';
import { UID } from '../../../constants';

export const seatsRoutes: PortalRouteSpec[] = [
  {
    method: 'GET',
    path: '/licences',
    handler: 'portal-seats.licences',
    capability: 'seats',
    summary: 'The client’s licences: product, plan, seats purchased, assigned and vacant, renewal date and status',
  },
  {
    method: 'GET',
    path: '/seats',
    handler: 'portal-seats.seats',
    capability: 'seats',
    summary: 'The seats of the client’s licences and who holds them, filtered by licence and status',
    queryKeys: ['licence', 'status'],
  },
  {
    method: 'PUT',
    path: '/seats/:id',
    handler: 'portal-seats.assign',
    capability: 'seats.manage',
    idOf: UID.seat,
    summary: 'Assigns a seat to a named person, within the seats purchased',
    example: { body: { assigneeName: 'Dana Reyes', assigneeEmail: 'dana.reyes@client.example' } },
  },
  {
    method: 'DELETE',
    path: '/seats/:id/assignee',
    handler: 'portal-seats.free',
    capability: 'seats.manage',
    idOf: UID.seat,
    summary: 'Frees a seat so it can be assigned to someone else',
  },
];
