import { createHash } from 'node:crypto';

import { adminApi, contactAccount } from '../helpers/admin-api';
import { fixtures } from '../helpers/fixtures';
import { adminToken, startTestApp, type TestApp } from '../helpers/test-app';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('admin API: inviting a contact', () => {
  let app: TestApp;
  let f: ReturnType<typeof fixtures>;
  let admin: ReturnType<typeof adminApi>;
  let staffId: number;
  let client: { id: number | string; documentId: string };

  const users = () => app.strapi.db.query('plugin::users-permissions.user');
  const membershipRow = (documentId: string) =>
    app.strapi.db.query('plugin::clientia.membership').findOne({
      where: { documentId },
      populate: ['client', 'user', 'invitedBy'],
    });

  beforeAll(async () => {
    app = await startTestApp();
    f = fixtures(app);
    admin = adminApi(app, await adminToken(app));
    staffId = (await app.strapi.db.query('admin::user').findOne({ where: { email: 'staff@firm.example' } })).id;
    client = await f.client({ name: 'Invite Industries' });
  });
  afterAll(async () => app?.stop());

  it('creates an account nobody can sign in to yet, and a membership whose invite token is stored only as a hash', async () => {
    const started = Date.now();
    const response = await admin
      .post(`/clientia/clients/${client.documentId}/invitations`, { email: ' Dana.Fox@Invite.example ', name: 'Dana Fox', role: 'billing', signatory: true })
      .expect(201);
    const { data } = response.body;
    const portalUrl = app.strapi.config.get('plugin::clientia.portalUrl') as string;
    expect(data).toEqual({
      membershipId: expect.any(String),
      email: 'dana.fox@invite.example',
      role: 'billing',
      expiresAt: expect.any(String),
      inviteUrl: expect.stringMatching(new RegExp(`^${portalUrl.replace(/\/$/, '')}/invite/[A-Za-z0-9_-]{43}$`)),
    });
    const ttlHours = app.strapi.config.get('plugin::clientia.invitationTtlHours') as number;
    const expires = Date.parse(data.expiresAt);
    expect(expires).toBeGreaterThanOrEqual(started + ttlHours * 3_600_000 - 1000);
    expect(expires).toBeLessThanOrEqual(Date.now() + ttlHours * 3_600_000 + 1000);

    const token = data.inviteUrl.split('/invite/')[1];
    const membership = await membershipRow(data.membershipId);
    expect(membership.inviteTokenHash).toBe(sha256(token));
    expect(Date.parse(new Date(membership.inviteExpiresAt).toISOString())).toBe(expires);
    expect(JSON.stringify(membership)).not.toContain(token);
    expect(membership).toMatchObject({ role: 'billing', signatory: true, acceptedAt: null });
    expect(membership.invitedAt).not.toBeNull();
    expect(membership.client.id).toBe(client.id);
    expect(membership.invitedBy.id).toBe(staffId);

    const user = await users().findOne({ where: { email: 'dana.fox@invite.example' }, populate: ['role'] });
    expect(user).toMatchObject({ username: 'dana.fox', provider: 'local', confirmed: true, blocked: false });
    expect(user.role.type).toBe('client-contact');
    expect(membership.user.id).toBe(user.id);
    expect(user.password).toEqual(expect.any(String));
    expect(user.password).not.toContain(token);

    const entry = await app.strapi.db
      .query('plugin::clientia.activity')
      .findOne({ where: { subjectId: data.membershipId, verb: 'created' } });
    expect(entry).toMatchObject({ actorType: 'staff', subjectType: 'membership', visibleToClient: false });

    // Staff see the pending contact; the token fields never leave the server.
    const overview = (await admin.get(`/clientia/clients/${client.documentId}`).expect(200)).body.data;
    expect(overview.contacts).toEqual([
      expect.objectContaining({ membershipId: data.membershipId, email: 'dana.fox@invite.example', role: 'billing', signatory: true, acceptedAt: null }),
    ]);
    expect(JSON.stringify(overview)).not.toContain(membership.inviteTokenHash);
  });

  it('refuses to invite the same person to the same client twice, whatever the case of the email', async () => {
    const before = { users: await users().count(), memberships: await f.count('membership') };
    const response = await admin
      .post(`/clientia/clients/${client.documentId}/invitations`, { email: 'DANA.FOX@invite.example', name: 'Dana', role: 'member' })
      .expect(400);
    expect(response.body.error.details.errors[0].path).toEqual(['email']);
    expect({ users: await users().count(), memberships: await f.count('membership') }).toEqual(before);
  });

  it("reuses an existing portal account when that person joins another client", async () => {
    const other = await f.client({ name: 'Second Client' });
    const existing = await contactAccount(app, 'erin@shared.example');
    const before = await users().count();
    const response = await admin
      .post(`/clientia/clients/${other.documentId}/invitations`, { email: 'erin@shared.example', name: 'Erin', role: 'owner' })
      .expect(201);
    expect(await users().count()).toBe(before);
    const membership = await membershipRow(response.body.data.membershipId);
    expect(membership.user.id).toBe(existing.user.id);
    expect(membership.signatory).toBe(false);
  });

  it('gives a new account a free username when the email’s local part is taken', async () => {
    await contactAccount(app, 'gale@elsewhere.example');
    const response = await admin
      .post(`/clientia/clients/${client.documentId}/invitations`, { email: 'gale@invite.example', name: 'Gale', role: 'member' })
      .expect(201);
    const membership = await membershipRow(response.body.data.membershipId);
    expect(membership.user).toMatchObject({ email: 'gale@invite.example', username: 'gale-2' });

    const short = await admin
      .post(`/clientia/clients/${client.documentId}/invitations`, { email: 'jo@invite.example', name: 'Jo', role: 'member' })
      .expect(201);
    expect((await membershipRow(short.body.data.membershipId)).user.username).toBe('jo-contact');
  });

  it('issues a new, different token for every invitation', async () => {
    const a = await admin
      .post(`/clientia/clients/${client.documentId}/invitations`, { email: 'hal@invite.example', name: 'Hal', role: 'member' })
      .expect(201);
    const b = await admin
      .post(`/clientia/clients/${client.documentId}/invitations`, { email: 'ivy@invite.example', name: 'Ivy', role: 'admin' })
      .expect(201);
    expect(a.body.data.inviteUrl).not.toBe(b.body.data.inviteUrl);
    const hashes = await app.strapi.db
      .query('plugin::clientia.membership')
      .findMany({ where: { documentId: { $in: [a.body.data.membershipId, b.body.data.membershipId] } }, select: ['inviteTokenHash'] });
    expect(new Set(hashes.map((m: { inviteTokenHash: string }) => m.inviteTokenHash)).size).toBe(2);
  });
});
