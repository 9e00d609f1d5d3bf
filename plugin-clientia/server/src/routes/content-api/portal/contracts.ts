import type { PortalRouteSpec } from '../../../portal/route-spec';

export const contractsRoutes: PortalRouteSpec[] = [
  {
    method: 'GET',
    path: '/contracts',
    handler: 'portal-contracts.find',
    capability: 'contracts',
    summary: 'The client’s contracts (never drafts), with what each asks of the caller; filter by status, sort by effectiveDate, number or title',
    queryKeys: ['status'],
  },
  {
    method: 'GET',
    path: '/contracts/:id',
    handler: 'portal-contracts.findOne',
    capability: 'contracts',
    idOf: 'plugin::clientia.contract',
    summary: 'One contract with its amendments and signatories',
  },
  {
    method: 'GET',
    path: '/contracts/:id/file',
    handler: 'portal-contracts.file',
    capability: 'contracts',
    idOf: 'plugin::clientia.contract',
    summary: 'Downloads the contract’s PDF',
  },
];
