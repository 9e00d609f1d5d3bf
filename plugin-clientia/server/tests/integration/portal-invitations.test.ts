import { randomBytes } from 'node:crypto';

import { PUBLIC_ROUTES } from '../../src/routes/content-api/public';
import { adminApi } from '../helpers/admin-api';
import { fixtures } from '../helpers/fixtures';
import { adminToken, startTestApp, type TestApp } from '../helpers/test-app';

const LOOKUP = '/api/clientia/invitations/lookup';
const ACCEPT = '/api/clientia/invitations/accept';
const GOOD_PASSWORD = 'river-lantern-42';

describe('public routes: accepting an invitation', () => {
  let app: TestApp;
  let f: ReturnType<typeof fixtures>;
  let admin: ReturnType<typeof adminApi>;
  let client: { id: number; documentId: string; name: string };

  const users = () => app.strapi.db.query('plugin::users-permissions.user');
  const memberships = () => app.strapi.db.query('plugin::clientia.membership');
  const post = (path: string, body: unknown) => app.http().post(path).set('Content-Type', 'application/json').send(JSON.stringify(body));

  /** Staff invite someone through the admin API; the token is what the link carries. */
  const invite = async (email: string, name = 'Dana Fox', to = client) => {
    const response = await admin.post(`/clientia/clients/${to.documentId}/invitations`, { email, name, role: 'billing' }).expect(201);
    const { inviteUrl, membershipId, expiresAt } = response.body.data as { inviteUrl: string; membershipId: string; expiresAt: string };
    return { token: inviteUrl.split('/invite/')[1], membershipId, expiresAt };
  };
  const membership = (documentId: string) => memberships().findOne({ where: { documentId }, populate: ['user'] });
  /** A portal sign-in with the password; the token is in `body.data.jwt`. */
  const signIn = (email: string, password: string) => app.http().post('/api/clientia/sign-in/password').send({ email, password });

  beforeAll(async () => {
    app = await startTestApp();
    f = fixtures(app);
    admin = adminApi(app, await adminToken(app));
    client = (await f.client({ name: 'Larch & Finch Holdings' })) as typeof client;
  });
  afterAll(async () => app?.stop());

  it('serves exactly the public routes it lists, without sign-in, and every other content route behind the portal policy', () => {
    const routes = (app.strapi.plugin('clientia').routes as unknown as Record<string, { routes: { method: string; path: string; config?: { auth?: boolean; policies?: unknown[] } }[] }>)['content-api'].routes;
    const open = routes.filter((r) => r.config?.auth === false).map((r) => `${r.method} ${r.path}`);
    expect(open.sort()).toEqual(PUBLIC_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    expect(routes.filter((r) => r.config?.auth !== false).every((r) => (r.config?.policies ?? []).length === 1)).toBe(true);
  });

  it('tells whoever holds the link who it is for and which client, without sign-in', async () => {
    const { token, expiresAt } = await invite('dana.fox@larch.example');
    const response = await post(LOOKUP, { token }).expect(200);
    expect(response.body).toEqual({
      data: { email: 'dana.fox@larch.example', name: 'Dana Fox', clientName: 'Larch & Finch Holdings', expiresAt, existingAccount: false },
    });
  });

  it('answers 404 for a link it does not know, 400 naming the field for malformed input, never 5xx', async () => {
    const unknown = await post(LOOKUP, { token: randomBytes(32).toString('base64url') }).expect(404);
    expect(unknown.body.error.message).toMatch(/invitation link is not valid/);
    expect((await post(ACCEPT, { token: randomBytes(32).toString('base64url'), password: GOOD_PASSWORD }).expect(404)).body.error.message).toBe(unknown.body.error.message);

    const cases: [string, unknown, string[]][] = [
      [LOOKUP, {}, ['token']],
      [LOOKUP, { token: 42 }, ['token']],
      [LOOKUP, { token: 'not a token!' }, ['token']],
      [LOOKUP, { token: 'x'.repeat(500) }, ['token']],
      [LOOKUP, { token: 'abcdefghijklmnopqrstuvwx', email: 'a@b.example' }, ['email']],
      [LOOKUP, [], []],
      [ACCEPT, { token: 'abcdefghijklmnopqrstuvwx', password: 'short' }, ['password']],
      [ACCEPT, { token: 'abcdefghijklmnopqrstuvwx', password: 12345678901 }, ['password']],
      [ACCEPT, { token: 'abcdefghijklmnopqrstuvwx', password: GOOD_PASSWORD, role: 'owner' }, ['role']],
      [ACCEPT, { password: GOOD_PASSWORD }, ['token']],
    ];
    for (const [path, body, field] of cases) {
      const response = await post(path, body);
      expect({ path, body, status: response.status }).toEqual({ path, body, status: 400 });
      expect(response.body.error.details.errors[0].path).toEqual(field);
    }
    expect((await app.http().post(LOOKUP).query({ populate: '*' }).send({ token: 'abcdefghijklmnopqrstuvwx' })).status).toBe(400);
    expect((await post(LOOKUP, { token: 'a\u0000bcdefghijklmnopqrstuv' })).status).toBe(400);
  });

  it('refuses a password the rules do not allow, naming it, and leaves the link usable', async () => {
    const { token, membershipId } = await invite('gil@larch.example', 'Gil');
    const tooLong = 'é'.repeat(37); // 37 characters, 74 bytes: bcrypt would drop the end
    for (const password of ['nine-char', tooLong, ' '.repeat(12)]) {
      const response = await post(ACCEPT, { token, password }).expect(400);
      expect(response.body.error.details.errors[0].path).toEqual(['password']);
    }
    const missing = await post(ACCEPT, { token }).expect(400);
    expect(missing.body.error.details.errors[0].path).toEqual(['password']);
    expect(await membership(membershipId)).toMatchObject({ acceptedAt: null, inviteTokenHash: expect.any(String) });
    await post(LOOKUP, { token }).expect(200);
    // Exactly 72 bytes is allowed.
    await post(ACCEPT, { token, password: 'ü'.repeat(36) }).expect(200);
  });

  it('sets the password, confirms the account, accepts the membership and spends the link, once', async () => {
    const { token, membershipId } = await invite('hana@larch.example', 'Hana Berg');
    const before = await membership(membershipId);
    await users().update({ where: { id: before.user.id }, data: { confirmed: false } });

    const response = await post(ACCEPT, { token, password: GOOD_PASSWORD }).expect(200);
    expect(response.body).toEqual({ data: { email: 'hana@larch.example' } });

    const after = await membership(membershipId);
    expect(after.inviteTokenHash).toBeNull();
    expect(Date.now() - new Date(after.acceptedAt).getTime()).toBeLessThan(60_000);
    const user = await users().findOne({ where: { id: before.user.id } });
    expect(user.confirmed).toBe(true);
    expect(user.password).toMatch(/^\$2[aby]\$/);
    expect(user.password).not.toBe(before.user.password);

    const entry = await app.strapi.db.query('plugin::clientia.activity').findOne({ where: { subjectId: membershipId, verb: 'accepted' }, populate: ['actorContact', 'client'] });
    expect(entry).toMatchObject({ actorType: 'contact', subjectType: 'membership', visibleToClient: false, actorLabel: 'Hana Berg' });
    expect(entry.actorContact.id).toBe(user.id);
    expect(entry.client.id).toBe(client.id);

    const login = await signIn('hana@larch.example', GOOD_PASSWORD).expect(200);
    const me = await app.http().get('/api/clientia/me').set('Authorization', `Bearer ${login.body.data.jwt}`).expect(200);
    expect(me.body.data).toMatchObject({ user: { name: 'Hana Berg' }, activeClient: { documentId: client.documentId }, role: 'billing' });

    await post(ACCEPT, { token, password: 'another-password-1' }).expect(404);
    await post(LOOKUP, { token }).expect(404);
  });

  it('accepts a link only once when two accepts race', async () => {
    const { token } = await invite('ivo@larch.example', 'Ivo');
    const answers = await Promise.all([post(ACCEPT, { token, password: 'first-password-1' }), post(ACCEPT, { token, password: 'second-password-2' })]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 404]);
    expect(await app.strapi.db.query('plugin::clientia.activity').count({ where: { verb: 'accepted', subjectLabel: `Invitation to ${client.name}`, actorLabel: 'Ivo' } })).toBe(1);
  });

  it('answers 410 for an expired link, on lookup and accept, and changes nothing', async () => {
    const { token, membershipId } = await invite('jo.expired@larch.example', 'Jo');
    const stored = await membership(membershipId);
    await memberships().update({ where: { id: stored.id }, data: { inviteExpiresAt: new Date(Date.now() - 1000) } });

    const lookup = await post(LOOKUP, { token }).expect(410);
    expect(lookup.body.error).toMatchObject({ status: 410, name: 'GoneError' });
    expect(lookup.body.error.message).toMatch(/expired/);
    expect(lookup.body.error.message).toMatch(/new one/);
    await post(ACCEPT, { token, password: GOOD_PASSWORD }).expect(410);
    const after = await membership(membershipId);
    expect([after.acceptedAt, after.inviteTokenHash, after.user.password]).toEqual([null, stored.inviteTokenHash, stored.user.password]);
  });

  it('lets someone who already uses the portal join another client without touching their password', async () => {
    const other = (await f.client({ name: 'Second Orchard' })) as typeof client;
    const first = await invite('kim@larch.example', 'Kim');
    await post(ACCEPT, { token: first.token, password: GOOD_PASSWORD }).expect(200);

    const second = await invite('kim@larch.example', 'Kim', other);
    expect((await post(LOOKUP, { token: second.token }).expect(200)).body.data).toMatchObject({ clientName: 'Second Orchard', existingAccount: true });
    // Whoever holds this link must not be able to take over the account and its first client.
    const takeover = await post(ACCEPT, { token: second.token, password: 'attacker-chosen-1' }).expect(400);
    expect(takeover.body.error.details.errors[0].path).toEqual(['password']);
    await post(ACCEPT, { token: second.token }).expect(200);

    expect((await membership(second.membershipId)).acceptedAt).not.toBeNull();
    const login = await signIn('kim@larch.example', GOOD_PASSWORD).expect(200);
    const me = await app.http().get('/api/clientia/me').set('Authorization', `Bearer ${login.body.data.jwt}`).expect(200);
    expect(me.body.data.memberships.map((m: { name: string }) => m.name).sort()).toEqual(['Larch & Finch Holdings', 'Second Orchard']);
  });

  it('treats the link of a blocked account as not valid', async () => {
    const { token, membershipId } = await invite('lou@larch.example', 'Lou');
    const stored = await membership(membershipId);
    await users().update({ where: { id: stored.user.id }, data: { blocked: true } });
    await post(LOOKUP, { token }).expect(404);
    await post(ACCEPT, { token, password: GOOD_PASSWORD }).expect(404);
  });

  it('leaves the link usable and nothing written when a step of the acceptance fails', async () => {
    const { token, membershipId } = await invite('mo@larch.example', 'Mo');
    const activityBefore = await app.strapi.db.query('plugin::clientia.activity').count({ where: { verb: 'accepted' } });
    const service = app.strapi.plugin('users-permissions').service('user') as { edit: (...args: unknown[]) => Promise<unknown> };
    const spy = jest.spyOn(service, 'edit').mockRejectedValueOnce(new Error('storage failed'));
    // Strapi logs the unexpected error; it is expected here.
    const log = jest.spyOn(app.strapi.log, 'error').mockImplementation(() => app.strapi.log);
    try {
      const response = await post(ACCEPT, { token, password: GOOD_PASSWORD });
      expect(response.status).toBe(500);
      expect(response.text).not.toContain('storage failed');
    } finally {
      spy.mockRestore();
      log.mockRestore();
    }
    expect(await membership(membershipId)).toMatchObject({ acceptedAt: null, inviteTokenHash: expect.any(String) });
    expect(await app.strapi.db.query('plugin::clientia.activity').count({ where: { verb: 'accepted' } })).toBe(activityBefore);
    await post(ACCEPT, { token, password: GOOD_PASSWORD }).expect(200);
  });
});
