import type { PortalRouteSpec } from '../../../portal/route-spec';
import { UID } from '../../../constants';

export const projectsRoutes: PortalRouteSpec[] = [
  {
    method: 'GET',
    path: '/projects',
    handler: 'portal-projects.find',
    capability: 'projects',
    summary: 'The client’s projects with progress and milestone counts; filter by status, sort on dueDate or name',
    queryKeys: ['status'],
  },
  {
    method: 'GET',
    path: '/projects/:id',
    handler: 'portal-projects.findOne',
    capability: 'projects',
    idOf: UID.project,
    summary: 'One project with its milestones in order',
  },
];
