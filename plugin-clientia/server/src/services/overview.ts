import type { Core } from '@strapi/strapi';

import type { FirmOverview } from '../../../shared/contracts/overview';

const CLIENT_STATUSES = ['prospect', 'active', 'paused', 'archived'] as const;

const overview = ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(): Promise<FirmOverview> {
    const clients = strapi.documents('plugin::clientia.client');
    const counts = await Promise.all(
      CLIENT_STATUSES.map((status) => clients.count({ filters: { state: status } }))
    );
    const byStatus = Object.fromEntries(
      CLIENT_STATUSES.map((status, i) => [status, counts[i]])
    ) as FirmOverview['clients']['byStatus'];
    const [portalEnabledClients, memberships] = await Promise.all([
      clients.count({ filters: { portalEnabled: true } }),
      strapi.documents('plugin::clientia.membership').count({}),
    ]);
    return {
      clients: { total: counts.reduce((sum, n) => sum + n, 0), byStatus },
      memberships,
      portalEnabledClients,
    };
  },
});

export default overview;
