import { CAPABILITIES, type Me } from '@clientia/shared/contracts/portal';
import { portalApi } from './api';
import { loadBranding } from './branding';
import { assemblePage, type PortalPage } from './portal-page';
import type { RequestContext } from './public-page';

/** What an owner may do: every navigation entry shows, as on a full page. */
const OWNER_CAPABILITIES = [...CAPABILITIES.owner];

/** Served only to the performance benchmark, which starts the portal with PORTAL_BENCH=1. */
const layoutBenchEnabled = () => process.env.PORTAL_BENCH === '1';

/**
 * The signed-in layout with no call to Strapi: session, cached branding and rendering only. The
 * benchmark compares real pages with it, to tell the portal's own cost from its data calls. The
 * contact shown is made from the session alone, as an owner of one client.
 */
export const layoutOnlyPage = async (context: RequestContext): Promise<PortalPage | Response> => {
  if (!layoutBenchEnabled()) return context.rewrite('/404');
  const branded = await loadBranding();
  const session = await context.locals.browserSession();
  if (!session) return context.redirect('/sign-in', 303);
  const client = { documentId: session.data.clientId ?? 'client', name: 'Client' };
  const me: Me = {
    user: { id: session.data.userId, email: session.data.email, name: '' },
    memberships: [{ ...client, role: 'owner', signatory: true }],
    activeClient: { ...client, currency: 'EUR', locale: null, timezone: null },
    role: 'owner',
    signatory: true,
    capabilities: OWNER_CAPABILITIES,
  };
  return assemblePage(context, { session, branded, me, api: portalApi(session.data.jwt, session.data.clientId) });
};
