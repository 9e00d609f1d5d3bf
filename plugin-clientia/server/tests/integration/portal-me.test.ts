import { buildPortalWorld, type PortalWorld } from '../helpers/portal-world';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('portal API: who is calling, for which client', () => {
  let app: TestApp;
  let world: PortalWorld;

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildPortalWorld(app);
  });
  afterAll(async () => app?.stop());

  const me = (auth: string | null, selector?: string) => {
    const request = app.http().get('/api/clientia/me');
    if (auth) request.set('Authorization', auth);
    if (selector) request.set('X-Clientia-Client', selector);
    return request;
  };

  it('tells a contact who they are, their client, role and what the role allows', async () => {
    const { body } = await me(world.auth.billingA).expect(200);
    expect(body.data).toMatchObject({
      user: { email: world.emails.billingA, name: 'billingA' },
      activeClient: { documentId: world.clientA.documentId, name: 'Alpha Advisory Clients', currency: 'EUR' },
      role: 'billing',
      signatory: false,
      memberships: [{ documentId: world.clientA.documentId, role: 'billing' }],
    });
    expect(body.data.capabilities).toEqual(expect.arrayContaining(['billing', 'contracts', 'dashboard']));
    expect(body.data.capabilities).not.toContain('seats.manage');
    expect(body.data.capabilities).not.toContain('team.manage');
  });

  it('lets a contact of two clients pick one of their own, and only their own', async () => {
    const asB = await me(world.auth.contactAB, world.clientB.documentId).expect(200);
    expect(asB.body.data).toMatchObject({ activeClient: { documentId: world.clientB.documentId }, role: 'member' });
    expect(asB.body.data.memberships).toHaveLength(2);
    const byQuery = await app.http().get('/api/clientia/me').query({ client: world.clientA.documentId }).set('Authorization', world.auth.contactAB!).expect(200);
    expect(byQuery.body.data).toMatchObject({ activeClient: { documentId: world.clientA.documentId }, role: 'owner' });

    const foreign = await me(world.auth.memberA, world.clientB.documentId).expect(403);
    expect(JSON.stringify(foreign.body)).not.toContain('Beta Foreign Co');
    await me(world.auth.memberA, 'no-such-client').expect(403);
  });

  it('refuses everyone who is not a signed-in, unblocked client contact', async () => {
    expect([401, 403]).toContain((await me(null)).status);
    expect((await me(world.auth.apiToken)).status).toBe(403);
    expect([401, 403]).toContain((await me(world.auth.blocked)).status);
  });

  it('refuses unknown query parameters, naming them', async () => {
    const response = await app.http().get('/api/clientia/me').query({ populate: '*' }).set('Authorization', world.auth.ownerA!).expect(400);
    expect(response.body.error.message).toContain('populate');
  });

  it('keeps the contact role to the portal: not even users-permissions’ own account routes', async () => {
    const auth = world.auth.ownerA!;
    const self = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: world.emails.ownerA } });
    expect((await app.http().get('/api/users').set('Authorization', auth)).status).toBe(403);
    expect((await app.http().get('/api/upload/files').set('Authorization', auth)).status).toBe(403);
    // The portal's /me has the account, under the sign-in session's checks; users-permissions' would not end with it.
    expect((await app.http().get('/api/users/me').set('Authorization', auth)).status).toBe(403);
    const change = { currentPassword: 'x', password: 'Another-pass-1', passwordConfirmation: 'Another-pass-1' };
    expect((await app.http().post('/api/auth/change-password').set('Authorization', auth).send(change)).status).toBe(403);
    expect((await app.http().put(`/api/users/${self.id}`).set('Authorization', auth).send({ role: 1 })).status).toBe(403);
    expect((await app.http().post('/api/auth/local/register').send({ username: 'x', email: 'x@x.example', password: 'Xx-123456' })).status).toBeGreaterThanOrEqual(400);
  });

  describe('PUT /me: the contact’s own name', () => {
    const put = (auth: string | null, body: unknown, selector?: string) => {
      const request = app.http().put('/api/clientia/me').set('Content-Type', 'application/json');
      if (auth) request.set('Authorization', auth);
      if (selector) request.set('X-Clientia-Client', selector);
      return request.send(JSON.stringify(body));
    };
    const namesOf = async (email: string) =>
      (
        (await app.strapi.db.query('plugin::clientia.membership').findMany({ where: { user: { email } }, select: ['name'], populate: { client: { select: ['documentId'] } } })) as {
          name: string;
          client: { documentId: string };
        }[]
      )
        .map((m) => [m.client.documentId, m.name])
        .sort();

    it('renames the contact on every client they belong to and answers like GET /me', async () => {
      const response = await put(world.auth.contactAB, { name: '  Ana Berg-Ortiz  ' }, world.clientB.documentId).expect(200);
      const again = await me(world.auth.contactAB, world.clientB.documentId).expect(200);
      expect(response.body).toEqual(again.body);
      expect(response.body.data.user.name).toBe('Ana Berg-Ortiz');
      expect(response.body.data.activeClient.documentId).toBe(world.clientB.documentId);
      expect(await namesOf(world.emails.contactAB)).toEqual(
        [
          [world.clientA.documentId, 'Ana Berg-Ortiz'],
          [world.clientB.documentId, 'Ana Berg-Ortiz'],
        ].sort()
      );
      expect((await me(world.auth.contactAB, world.clientA.documentId).expect(200)).body.data.user.name).toBe('Ana Berg-Ortiz');
      // Nobody else's name moves.
      expect(await namesOf(world.emails.ownerA)).toEqual([[world.clientA.documentId, 'ownerA']]);

      // Each membership's change is logged as the contact's own, for staff only.
      const entries = (await app.strapi.db.query('plugin::clientia.activity').findMany({
        where: { subjectType: 'membership', verb: 'updated', actorContact: { email: world.emails.contactAB } },
      })) as { actorType: string; visibleToClient: boolean; changes: { fields: string[] } }[];
      expect(entries).toHaveLength(2);
      expect(entries.every((e) => e.actorType === 'contact' && !e.visibleToClient && e.changes.fields.includes('name'))).toBe(true);
    });

    it('is open to every role and to no one else', async () => {
      for (const persona of ['memberA', 'billingA', 'adminA', 'ownerA', 'contactB'] as const) {
        expect((await put(world.auth[persona], { name: `${persona} renamed` })).status).toBe(200);
      }
      expect([401, 403]).toContain((await put(null, { name: 'Nobody' })).status);
      expect((await put(world.auth.apiToken, { name: 'Token' })).status).toBe(403);
      expect([401, 403]).toContain((await put(world.auth.blocked, { name: 'Blocked' })).status);
      expect(await namesOf(world.emails.blocked)).toEqual([[world.clientA.documentId, 'blocked']]);
      expect((await put(world.auth.ownerA, { name: 'x' }, world.clientB.documentId)).status).toBe(403);
    });

    it('refuses a name that is empty, too long, not text or not one line, naming the field, and writes nothing', async () => {
      await put(world.auth.memberA, { name: 'Mia Lund' }).expect(200);
      const cases: [unknown, string[]][] = [
        [{}, ['name']],
        [{ name: '' }, ['name']],
        [{ name: '   ' }, ['name']],
        [{ name: 'x'.repeat(121) }, ['name']],
        [{ name: 42 }, ['name']],
        [{ name: null }, ['name']],
        [{ name: 'Mia\nLund' }, ['name']],
        [{ name: 'Mia\u0007Lund' }, ['name']],
        [{ name: 'Mia', email: 'other@attacker.example' }, ['email']],
        [{ name: 'Mia', role: 'owner' }, ['role']],
        [[{ name: 'Mia' }], []],
      ];
      for (const [body, path] of cases) {
        const response = await put(world.auth.memberA, body);
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
        expect(response.body.error.details.errors[0].path).toEqual(path);
      }
      expect(await namesOf(world.emails.memberA)).toEqual([[world.clientA.documentId, 'Mia Lund']]);
      await put(world.auth.memberA, { name: 'y'.repeat(120) }).expect(200);
      // The account itself is untouched.
      expect(await app.strapi.db.query('plugin::users-permissions.user').count({ where: { email: world.emails.memberA } })).toBe(1);
    });
  });
});
