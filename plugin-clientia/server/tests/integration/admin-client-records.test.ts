import { adminApi, moreFixtures, staffWithActions } from '../helpers/admin-api';
import { fixtures } from '../helpers/fixtures';
import { deliverQueued, readOutbox } from '../helpers/outbox';
import { adminToken, portalUser, startTestApp, type TestApp } from '../helpers/test-app';

const READ = 'plugin::clientia.read';

type Doc = { id: number; documentId: string };

/**
 * Staff keep clients and their contacts from the client page; every change shows on the portal
 * for that client's contacts at once, and every refusal leaves nothing behind.
 */
describe('admin API: clients and contacts', () => {
  let app: TestApp;
  let f: ReturnType<typeof fixtures>;
  let more: ReturnType<typeof moreFixtures>;
  let admin: ReturnType<typeof adminApi>;
  let staffId: number;

  /** A signed-in contact of the client, with the given membership. */
  const contactOf = async (client: Doc, email: string, data: Record<string, unknown> = {}) => {
    const account = await portalUser(app, email);
    const membership = (await more.membership(client, account.user.id as number, { name: email.split('@')[0], acceptedAt: new Date().toISOString(), ...data })) as Doc;
    return { ...account, membership };
  };
  const portal = (jwt: string, path: string, client?: Doc) => {
    const request = app.http().get(`/api/clientia${path}`).set('Authorization', `Bearer ${jwt}`);
    return client ? request.set('X-Clientia-Client', client.documentId) : request;
  };
  const fieldOf = (response: { body: { error: { details: { errors: { path: string[] }[] } } } }) => response.body.error.details.errors[0]!.path.join('.');
  const counts = async () => ({
    clients: await f.count('client'),
    memberships: await f.count('membership'),
    activity: await f.count('activity'),
    emails: await f.count('outbound-email'),
  });

  beforeAll(async () => {
    app = await startTestApp();
    f = fixtures(app);
    more = moreFixtures(app);
    admin = adminApi(app, await adminToken(app));
    staffId = (await app.strapi.db.query('admin::user').findOne({ where: { email: 'staff@firm.example' } })).id;
  });
  afterAll(async () => app?.stop());

  describe('clients', () => {
    it('creates a client with its state in words, a slug from its name, and an entry in its activity log', async () => {
      const response = await admin
        .post('/clientia/clients', {
          name: '  Müller & Söhne  ',
          state: 'prospect',
          legalName: 'Müller & Söhne GmbH',
          billingEmail: ' Rechnung@Mueller.example ',
          billingAddress: 'Hauptstraße 1\n10115 Berlin',
          taxId: 'DE123456789',
          currency: 'eur',
          locale: 'de-de',
          timezone: 'Europe/Berlin',
          accountManager: staffId,
          internalNotes: 'Met at the trade fair.',
        })
        .expect(201);
      expect(response.body.data).toEqual({
        documentId: expect.any(String),
        name: 'Müller & Söhne',
        legalName: 'Müller & Söhne GmbH',
        state: 'prospect',
        billingEmail: 'rechnung@mueller.example',
        billingAddress: 'Hauptstraße 1\n10115 Berlin',
        taxId: 'DE123456789',
        currency: 'EUR',
        locale: 'de-DE',
        timezone: 'Europe/Berlin',
        portalEnabled: true,
        accountManager: { id: staffId, name: 'Firm Staff' },
        internalNotes: 'Met at the trade fair.',
      });
      const { documentId } = response.body.data;
      const row = await app.strapi.db.query('plugin::clientia.client').findOne({ where: { documentId } });
      expect(row.slug).toBe('muller-sohne');
      const again = await admin.post('/clientia/clients', { name: 'Müller & Söhne', currency: 'EUR' }).expect(201);
      expect((await app.strapi.db.query('plugin::clientia.client').findOne({ where: { documentId: again.body.data.documentId } })).slug).toBe('muller-sohne-2');
      expect(again.body.data).toMatchObject({ state: 'active', portalEnabled: true, accountManager: null, legalName: null });

      const entry = await app.strapi.db.query('plugin::clientia.activity').findOne({ where: { subjectId: documentId, verb: 'created' } });
      expect(entry).toMatchObject({ actorType: 'staff', subjectType: 'client', visibleToClient: false });
      const listed = (await admin.get('/clientia/clients?q=M%C3%BCller').expect(200)).body.data;
      expect(listed.map((c: { state: string }) => c.state).sort()).toEqual(['active', 'prospect']);
    });

    it('edits only the fields sent, clears with null, and the client’s contact sees the change on their next request', async () => {
      const client = (await f.client({ name: 'Harbour Lights', currency: 'EUR' })) as Doc;
      const contact = await contactOf(client, 'ines@harbour.example');
      expect((await portal(contact.jwt, '/me').expect(200)).body.data.activeClient).toMatchObject({ name: 'Harbour Lights', currency: 'EUR' });

      await admin.put(`/clientia/clients/${client.documentId}`, { legalName: 'Harbour Lights Ltd', accountManager: staffId }).expect(200);
      const edited = await admin
        .put(`/clientia/clients/${client.documentId}`, { name: 'Harbour Lights Group', currency: 'GBP', timezone: 'Europe/London', legalName: '', accountManager: null })
        .expect(200);
      expect(edited.body.data).toMatchObject({ name: 'Harbour Lights Group', currency: 'GBP', timezone: 'Europe/London', legalName: null, accountManager: null, state: 'active' });
      expect((await portal(contact.jwt, '/me').expect(200)).body.data.activeClient).toMatchObject({
        name: 'Harbour Lights Group',
        currency: 'GBP',
        timezone: 'Europe/London',
      });

      // Archived, the client is gone from the portal at once; active again, it is back.
      await admin.put(`/clientia/clients/${client.documentId}`, { state: 'archived' }).expect(200);
      await portal(contact.jwt, '/me').expect(403);
      await admin.put(`/clientia/clients/${client.documentId}`, { state: 'active' }).expect(200);
      await portal(contact.jwt, '/me').expect(200);
    });

    it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
      const client = (await f.client({ name: 'Strict Input Co' })) as Doc;
      const before = await counts();
      const cases: [string, 'post' | 'put', Record<string, unknown>, string][] = [
        ['/clientia/clients', 'post', { currency: 'EUR' }, 'name'],
        ['/clientia/clients', 'post', { name: 'No Currency' }, 'currency'],
        ['/clientia/clients', 'post', { name: 'Bad Currency', currency: 'EURO' }, 'currency'],
        ['/clientia/clients', 'post', { name: 'Bad State', currency: 'EUR', state: 'dormant' }, 'state'],
        ['/clientia/clients', 'post', { name: 'Bad Email', currency: 'EUR', billingEmail: 'not-an-email' }, 'billingEmail'],
        ['/clientia/clients', 'post', { name: 'Bad Zone', currency: 'EUR', timezone: 'Mars/Olympus' }, 'timezone'],
        ['/clientia/clients', 'post', { name: 'Bad Manager', currency: 'EUR', accountManager: 999999 }, 'accountManager'],
        ['/clientia/clients', 'post', { name: 'Sneaky', currency: 'EUR', slug: 'chosen' }, 'slug'],
        [`/clientia/clients/${client.documentId}`, 'put', { name: '' }, 'name'],
        [`/clientia/clients/${client.documentId}`, 'put', { portalEnabled: 'yes' }, 'portalEnabled'],
        [`/clientia/clients/${client.documentId}`, 'put', { requireTwoFactor: true }, 'requireTwoFactor'],
      ];
      for (const [path, method, body, field] of cases) {
        const response = await admin[method](path, body).expect(400);
        expect([path, fieldOf(response)]).toEqual([path, field]);
      }
      expect(await counts()).toEqual(before);
      expect((await f.docs('client').findOne({ documentId: client.documentId }))!.name).toBe('Strict Input Co');
    });

    it('answers 404 for a client that does not exist', async () => {
      await admin.put('/clientia/clients/doesnotexist0000000000000', { name: 'Ghost' }).expect(404);
      await admin.put('/clientia/clients/bad%20id', { name: 'Ghost' }).expect(404);
    });

    it('lists the staff who may manage a client', async () => {
      const { body } = await admin.get('/clientia/staff').expect(200);
      expect(body.data).toEqual(expect.arrayContaining([{ id: staffId, name: 'Firm Staff', email: 'staff@firm.example' }]));
    });
  });

  describe('contacts', () => {
    let client: Doc;
    let other: Doc;

    beforeAll(async () => {
      client = (await f.client({ name: 'Contact Matters' })) as Doc;
      other = (await f.client({ name: 'Other Matters' })) as Doc;
      // The owner who stays: the contacts below may be demoted and deactivated, as the last active owner could not be.
      await contactOf(client, 'keeper@contact.example', { role: 'owner' });
    });

    const contactPath = (membership: Doc, owner: Doc = client) => `/clientia/clients/${owner.documentId}/contacts/${membership.documentId}`;

    it('changes a contact’s role, and their rights change on their next portal request', async () => {
      const contact = await contactOf(client, 'milo@contact.example', { role: 'member' });
      const me = async () => (await portal(contact.jwt, '/me').expect(200)).body.data;
      expect((await me()).capabilities).not.toContain('billing');
      await portal(contact.jwt, '/invoices').expect(403);

      const response = await admin.put(contactPath(contact.membership), { role: 'billing', signatory: true, name: 'Milo Brandt' }).expect(200);
      expect(response.body.data).toMatchObject({ membershipId: contact.membership.documentId, role: 'billing', signatory: true, name: 'Milo Brandt', deactivatedAt: null });

      const now = await me();
      expect(now).toMatchObject({ role: 'billing', signatory: true });
      expect(now.capabilities).toContain('billing');
      await portal(contact.jwt, '/invoices').expect(200);

      const entry = await app.strapi.db.query('plugin::clientia.activity').findOne({ where: { subjectId: contact.membership.documentId, verb: 'updated' } });
      expect(entry).toMatchObject({ actorType: 'staff', visibleToClient: false });
      expect(entry.changes.fields).toEqual(expect.arrayContaining(['role', 'signatory', 'name']));
    });

    it('deactivates a contact: the portal refuses them for this client on the next request, their other client stays', async () => {
      const contact = await contactOf(client, 'nora@contact.example', { role: 'owner' });
      await more.membership(other, contact.user.id as number, { role: 'member', acceptedAt: new Date().toISOString() });
      await portal(contact.jwt, '/me', client).expect(200);

      const off = await admin.put(contactPath(contact.membership), { active: false }).expect(200);
      expect(off.body.data.deactivatedAt).toEqual(expect.any(String));
      await portal(contact.jwt, '/me', client).expect(403);
      await portal(contact.jwt, '/projects', client).expect(403);
      // Their other client is untouched, and is now the one they land on.
      expect((await portal(contact.jwt, '/me').expect(200)).body.data.activeClient.documentId).toBe(other.documentId);

      const overview = (await admin.get(`/clientia/clients/${client.documentId}`).expect(200)).body.data;
      expect(overview.contacts.find((c: { membershipId: string }) => c.membershipId === contact.membership.documentId).deactivatedAt).toEqual(expect.any(String));

      const on = await admin.put(contactPath(contact.membership), { active: true }).expect(200);
      expect(on.body.data.deactivatedAt).toBeNull();
      await portal(contact.jwt, '/me', client).expect(200);
    });

    it('shuts a contact with no other client out of the portal entirely', async () => {
      const contact = await contactOf(client, 'olga@contact.example');
      await portal(contact.jwt, '/me').expect(200);
      await admin.put(contactPath(contact.membership), { active: false }).expect(200);
      await portal(contact.jwt, '/me').expect(403);
      await portal(contact.jwt, '/projects').expect(403);
      // Nor can they sign in again: a right password of an account without portal access is 403.
      await app.http().post('/api/clientia/sign-in/password').send({ email: 'olga@contact.example', password: contact.password }).expect(403);
    });

    it('no longer offers a deactivated signatory for a contract, nor sends one to them', async () => {
      const contact = await contactOf(client, 'wes@contact.example', { role: 'owner', signatory: true });
      const contract = (await f.contract(client, { title: 'Engagement letter' })) as Doc;
      const candidates = async () =>
        (await admin.get(`/clientia/contracts/${contract.documentId}/signing`).expect(200)).body.data.candidates.map((c: { documentId: string }) => c.documentId);
      expect(await candidates()).toContain(contact.membership.documentId);
      await admin.put(contactPath(contact.membership), { active: false }).expect(200);
      expect(await candidates()).not.toContain(contact.membership.documentId);
      const refused = await admin.post(`/clientia/contracts/${contract.documentId}/send`, { signatories: [contact.membership.documentId] }).expect(400);
      expect(refused.body.error.details.errors[0].path[0]).toBe('signatories');
    });

    it('sends a deactivated contact no more emails about the client', async () => {
      const contact = await contactOf(client, 'vera@contact.example', { role: 'owner', notificationPreferences: { messages: true, documents: true } });
      const thread = (await more.thread(client, { subject: 'Kick-off' })) as Doc;
      const notices = () => app.strapi.db.query('plugin::clientia.outbound-email').count({ where: { kind: 'new_message', to: 'vera@contact.example' } });
      await admin.post(`/clientia/threads/${thread.documentId}/messages`, { body: 'First note' }).expect(201);
      expect(await notices()).toBe(1);
      await admin.put(contactPath(contact.membership), { active: false }).expect(200);
      await admin.post(`/clientia/threads/${thread.documentId}/messages`, { body: 'Second note' }).expect(201);
      expect(await notices()).toBe(1);
    });

    it('resends an invitation: a new link is emailed and the old one stops working', async () => {
      const invited = await admin
        .post(`/clientia/clients/${client.documentId}/invitations`, { email: 'pia@contact.example', name: 'Pia Lorenz', role: 'member' })
        .expect(201);
      const oldToken = invited.body.data.inviteUrl.split('/invite/')[1];
      const membership = { documentId: invited.body.data.membershipId } as Doc;
      const lookup = (token: string) => app.http().post('/api/clientia/invitations/lookup').send({ token });
      await lookup(oldToken).expect(200);

      const resent = await admin.post(`${contactPath(membership)}/invitation`).expect(201);
      expect(resent.body.data).toEqual({
        membershipId: membership.documentId,
        email: 'pia@contact.example',
        role: 'member',
        expiresAt: expect.any(String),
        inviteUrl: expect.stringMatching(/\/invite\/[A-Za-z0-9_-]{43}$/),
      });
      const newToken = resent.body.data.inviteUrl.split('/invite/')[1];
      expect(newToken).not.toBe(oldToken);
      await lookup(oldToken).expect(404);
      expect((await lookup(newToken).expect(200)).body.data).toMatchObject({ email: 'pia@contact.example', clientName: 'Contact Matters' });

      // What reached the mail transport, not the outbox rows: a sent row keeps no token.
      await deliverQueued(app.strapi);
      const delivered = readOutbox(app.outboxDir).filter((message) => message.headers.to?.includes('pia@contact.example'));
      expect(delivered).toHaveLength(2);
      expect(delivered.filter((message) => message.body.includes(newToken))).toHaveLength(1);
      expect(delivered.filter((message) => message.body.includes(oldToken))).toHaveLength(1);

      const overview = (await admin.get(`/clientia/clients/${client.documentId}`).expect(200)).body.data;
      const listed = overview.contacts.find((c: { membershipId: string }) => c.membershipId === membership.documentId);
      expect(listed.invitationExpiresAt).toBe(resent.body.data.expiresAt);

      // Accepted through the new link, there is nothing left to resend.
      await app.http().post('/api/clientia/invitations/accept').send({ token: newToken, password: 'river-lantern-42' }).expect(200);
      const again = await admin.post(`${contactPath(membership)}/invitation`).expect(409);
      expect(again.body.error.message).toMatch(/already accepted/);
    });

    it('withdraws an open invitation when the contact is deactivated, and will not resend it until reactivated', async () => {
      const invited = await admin
        .post(`/clientia/clients/${client.documentId}/invitations`, { email: 'quinn@contact.example', name: 'Quinn Adler', role: 'member' })
        .expect(201);
      const token = invited.body.data.inviteUrl.split('/invite/')[1];
      const membership = { documentId: invited.body.data.membershipId } as Doc;
      await admin.put(contactPath(membership), { active: false }).expect(200);
      await app.http().post('/api/clientia/invitations/lookup').send({ token }).expect(404);
      expect((await admin.post(`${contactPath(membership)}/invitation`).expect(409)).body.error.message).toMatch(/reactivate/);
      await admin.put(contactPath(membership), { active: true }).expect(200);
      await admin.post(`${contactPath(membership)}/invitation`).expect(201);
    });

    it('keeps the client’s last active owner, through this API and the Content Manager alike', async () => {
      const owned = (await f.client({ name: 'Owner Matters' })) as Doc;
      const first = await contactOf(owned, 'oona@owner.example', { role: 'owner' });
      const second = await contactOf(owned, 'otis@owner.example', { role: 'admin' });
      // An owner still invited (not signed up) runs nothing yet: it does not count.
      await more.membership(owned, (await portalUser(app, 'iris@owner.example')).user.id as number, { role: 'owner' });
      const membershipOf = (doc: Doc) => app.strapi.db.query('plugin::clientia.membership').findOne({ where: { documentId: doc.documentId } });
      const cm = `/content-manager/collection-types/plugin::clientia.membership/${first.membership.documentId}`;

      expect(fieldOf(await admin.put(contactPath(first.membership, owned), { role: 'admin' }).expect(400))).toBe('role');
      expect(fieldOf(await admin.put(contactPath(first.membership, owned), { active: false }).expect(400))).toBe('active');
      expect((await admin.put(cm, { role: 'member' }).expect(400)).body.error.message).toMatch(/last active owner/);
      await admin.delete(cm).expect(400);
      expect(await membershipOf(first.membership)).toMatchObject({ role: 'owner', deactivatedAt: null });
      await portal(first.jwt, '/me').expect(200);

      // With a second owner the first can step down, and the second is then the one kept.
      await admin.put(contactPath(second.membership, owned), { role: 'owner' }).expect(200);
      await admin.put(contactPath(first.membership, owned), { role: 'member' }).expect(200);
      expect(fieldOf(await admin.put(contactPath(second.membership, owned), { active: false }).expect(400))).toBe('active');
      expect(await membershipOf(second.membership)).toMatchObject({ role: 'owner', deactivatedAt: null });
    });

    it('refuses bad input naming the field, and another client’s contact as unknown', async () => {
      const contact = await contactOf(client, 'rosa@contact.example');
      const before = await counts();
      for (const [body, field] of [
        [{ role: 'boss' }, 'role'],
        [{ signatory: 'yes' }, 'signatory'],
        [{ active: 1 }, 'active'],
        [{ name: '   ' }, 'name'],
        [{ user: 1 }, 'user'],
      ] as const) {
        expect(fieldOf(await admin.put(contactPath(contact.membership), body).expect(400))).toBe(field);
      }
      await admin.post(`${contactPath(contact.membership)}/invitation`, { email: 'x@y.example' }).expect(400);
      await admin.put(contactPath(contact.membership, other), { role: 'owner' }).expect(404);
      await admin.post(`${contactPath(contact.membership, other)}/invitation`).expect(404);
      await admin.put(`/clientia/clients/${client.documentId}/contacts/missing000000000000000000`, { role: 'owner' }).expect(404);
      expect(await counts()).toEqual(before);
      expect((await portal(contact.jwt, '/me').expect(200)).body.data.role).toBe('member');
    });
  });

  describe('a read-only staff role', () => {
    it('gets 403 on every change, and nothing is written', async () => {
      const reader = adminApi(app, (await staffWithActions(app, [READ])).token);
      const client = (await f.client({ name: 'Read Only Co' })) as Doc;
      const contact = await contactOf(client, 'sam@readonly.example');
      const invited = await admin
        .post(`/clientia/clients/${client.documentId}/invitations`, { email: 'tess@readonly.example', name: 'Tess', role: 'member' })
        .expect(201);
      const before = await counts();
      await reader.get(`/clientia/clients/${client.documentId}`).expect(200);
      await reader.get('/clientia/staff').expect(200);
      await reader.post('/clientia/clients', { name: 'Not Allowed', currency: 'EUR' }).expect(403);
      await reader.put(`/clientia/clients/${client.documentId}`, { name: 'Renamed' }).expect(403);
      await reader.put(`/clientia/clients/${client.documentId}/contacts/${contact.membership.documentId}`, { role: 'owner' }).expect(403);
      await reader.put(`/clientia/clients/${client.documentId}/contacts/${contact.membership.documentId}`, { active: false }).expect(403);
      await reader.post(`/clientia/clients/${client.documentId}/contacts/${invited.body.data.membershipId}/invitation`).expect(403);
      expect(await counts()).toEqual(before);
      expect((await portal(contact.jwt, '/me').expect(200)).body.data).toMatchObject({ role: 'member', activeClient: { name: 'Read Only Co' } });
    });
  });
});
