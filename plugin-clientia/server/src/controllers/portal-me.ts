import type { Core } from '@strapi/strapi';

import type { GetMeResponse } from '../../../shared/contracts/portal';
import { portalContext, CLIENT_QUERY_KEY, type PortalContext } from '../portal/context';
import { assertQueryKeys } from './validation';

const portalMe = (_: { strapi: Core.Strapi }) => ({
  async find(ctx: { query: Record<string, unknown>; state: { portal?: PortalContext }; body: unknown }) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
    const { user, membership, client, memberships, capabilities } = portalContext(ctx);
    const body: GetMeResponse = {
      data: {
        user: { id: user.id, email: user.email, name: membership.name || user.username },
        memberships: memberships.map((m) => ({ documentId: m.client.documentId, name: m.client.name, role: m.role, signatory: m.signatory })),
        activeClient: { documentId: client.documentId, name: client.name, currency: client.currency, locale: client.preferredLocale, timezone: client.timezone },
        role: membership.role,
        signatory: membership.signatory,
        capabilities: [...capabilities].sort(),
      },
    };
    ctx.body = body;
  },
});

export default portalMe;
