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

  it('keeps the contact role to the portal and the contact’s own account', async () => {
    const auth = world.auth.ownerA!;
    expect((await app.http().get('/api/users').set('Authorization', auth)).status).toBe(403);
    expect((await app.http().get('/api/upload/files').set('Authorization', auth)).status).toBe(403);
    const self = await app.http().get('/api/users/me').set('Authorization', auth).expect(200);
    expect((await app.http().put(`/api/users/${self.body.id}`).set('Authorization', auth).send({ role: 1 })).status).toBe(403);
    expect((await app.http().post('/api/auth/local/register').send({ username: 'x', email: 'x@x.example', password: 'Xx-123456' })).status).toBeGreaterThanOrEqual(400);
  });
});
