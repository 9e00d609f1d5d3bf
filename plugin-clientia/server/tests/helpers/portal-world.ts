import { randomBytes } from 'node:crypto';

import type { PortalRole } from '../../../shared/contracts/portal';
import { fixtures } from './fixtures';
import { sessionToken, type TestApp } from './test-app';

export type Persona =
  | 'anonymous'
  | 'apiToken'
  | 'memberA'
  | 'billingA'
  | 'adminA'
  | 'ownerA'
  | 'contactB'
  | 'contactAB'
  | 'blocked';

export interface PortalWorld {
  clientA: { id: number; documentId: string; name: string };
  clientB: { id: number; documentId: string; name: string };
  /** Authorization header per persona (none for anonymous). */
  auth: Record<Persona, string | null>;
  /** Header selecting the client the persona acts for (contactAB acts as B). */
  selector: Partial<Record<Persona, string>>;
  emails: Record<Exclude<Persona, 'anonymous' | 'apiToken'>, string>;
  /** A new sign-in session for the persona, after a test ended theirs (signing out everywhere, say). */
  renew(persona: Exclude<Persona, 'anonymous' | 'apiToken'>): Promise<void>;
}

/**
 * Two clients and every kind of caller the portal must tell apart: each role of client A, a
 * contact of B, a contact of both acting as B, a blocked contact, an API token and nobody.
 */
export const buildPortalWorld = async (app: TestApp): Promise<PortalWorld> => {
  const f = fixtures(app);
  const clientA = (await f.client({ name: 'Alpha Advisory Clients' })) as PortalWorld['clientA'];
  const clientB = (await f.client({ name: 'Beta Foreign Co' })) as PortalWorld['clientB'];
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'client-contact' } });
  const tag = randomBytes(3).toString('hex');

  const contact = async (key: string, memberships: [typeof clientA, PortalRole, boolean?][], blocked = false) => {
    const email = `${key.toLowerCase()}-${tag}@portal.example`;
    const password = `Pw-${randomBytes(9).toString('base64url')}1a`;
    const user = await app.strapi.documents('plugin::users-permissions.user').create({
      data: { username: `${key}-${tag}`, email, password, provider: 'local', confirmed: true, blocked: false, role: role.id } as never,
    });
    for (const [client, portalRole, signatory] of memberships) {
      await f.docs('membership').create({
        data: { client: client.documentId, user: user.documentId, role: portalRole, signatory: Boolean(signatory), name: key, acceptedAt: new Date().toISOString() } as never,
      });
    }
    const jwt = await sessionToken(app, Number(user.id));
    if (blocked) await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: user.id }, data: { blocked: true } });
    return { email, jwt, userId: Number(user.id) };
  };

  const memberA = await contact('memberA', [[clientA, 'member']]);
  const billingA = await contact('billingA', [[clientA, 'billing']]);
  const adminA = await contact('adminA', [[clientA, 'admin']]);
  const ownerA = await contact('ownerA', [[clientA, 'owner', true]]);
  const contactB = await contact('contactB', [[clientB, 'owner', true]]);
  const contactAB = await contact('contactAB', [[clientA, 'owner'], [clientB, 'member']]);
  const blocked = await contact('blocked', [[clientA, 'owner']], true);

  const token = await app.strapi.service('admin::api-token').create({
    name: `portal-probe-${tag}`,
    type: 'full-access',
    lifespan: null,
  });

  const bearer = (jwt: string) => `Bearer ${jwt}`;
  const people = { memberA, billingA, adminA, ownerA, contactB, contactAB, blocked };
  const auth: PortalWorld['auth'] = {
    anonymous: null,
    apiToken: bearer(token.accessKey),
    memberA: bearer(memberA.jwt),
    billingA: bearer(billingA.jwt),
    adminA: bearer(adminA.jwt),
    ownerA: bearer(ownerA.jwt),
    contactB: bearer(contactB.jwt),
    contactAB: bearer(contactAB.jwt),
    blocked: bearer(blocked.jwt),
  };
  return {
    clientA,
    clientB,
    auth,
    async renew(persona) {
      auth[persona] = bearer(await sessionToken(app, people[persona].userId));
    },
    selector: { contactAB: clientB.documentId },
    emails: {
      memberA: memberA.email,
      billingA: billingA.email,
      adminA: adminA.email,
      ownerA: ownerA.email,
      contactB: contactB.email,
      contactAB: contactAB.email,
      blocked: blocked.email,
    },
  };
};
