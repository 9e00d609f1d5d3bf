import { adminApi, contactAccount, moreFixtures, staffWithActions } from '../helpers/admin-api';
import { fixtures } from '../helpers/fixtures';
import { adminToken, startTestApp, type TestApp } from '../helpers/test-app';

const READ = 'plugin::clientia.read';
const MANAGE_RECORDS = 'plugin::clientia.records.manage';
const MANAGE_SETTINGS = 'plugin::clientia.settings.manage';

const TWO_FACTOR = 'plugin::clientia.two-factor';
const SESSION = 'plugin::clientia.portal-session';
const PASSKEY = 'plugin::clientia.passkey';

const HOUR = 60 * 60_000;
let sequence = 0;

type Body = { error: { name: string; details: { errors?: { path: string[] }[] } } };
const fieldOf = (body: Body) => body.error.details.errors?.[0]?.path.join('.');

describe('admin API: sign-in settings and contacts’ sign-in security', () => {
  let app: TestApp;
  let f: ReturnType<typeof fixtures>;
  let more: ReturnType<typeof moreFixtures>;
  let admin: ReturnType<typeof adminApi>;
  let client: { id: number | string; documentId: string };
  let otherClient: { id: number | string; documentId: string };

  const db = (uid: string) => app.strapi.db.query(uid as 'plugin::clientia.client');

  /** A contact of `owner` with a confirmed authenticator app, `sessions` open portal sessions and `passkeys` passkeys. */
  const secureContact = async (owner: { documentId: string }, name: string, options: { sessions?: number; passkeys?: number; twoFactor?: boolean } = {}) => {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${sequence++}@secure.example`;
    const { user } = await contactAccount(app, email);
    const membership = await more.membership(owner, user.id, { name, role: 'owner' });
    if (options.twoFactor !== false) {
      await db(TWO_FACTOR).create({
        data: {
          user: user.id,
          secret: 'sealed-secret',
          confirmedAt: new Date('2026-10-05T09:00:00.000Z'),
          recoveryCodes: [{ hash: 'a'.repeat(64), usedAt: null }],
          failedAttempts: 0,
        },
      });
    }
    for (let i = 0; i < (options.sessions ?? 0); i++) {
      await db(SESSION).create({
        data: { user: user.id, method: 'password', secondFactor: 'totp', expiresAt: new Date(Date.now() + 8 * HOUR), lastSeenAt: new Date() },
      });
    }
    for (let i = 0; i < (options.passkeys ?? 0); i++) {
      await db(PASSKEY).create({
        data: {
          user: user.id,
          credentialId: `cred-${sequence++}-${i}`,
          userHandle: `handle-${user.id}`,
          publicKey: 'pk',
          counter: '0',
          backedUp: false,
          name: `Laptop ${i}`,
        },
      });
    }
    return { user, membership: membership as unknown as { id: number; documentId: string }, email };
  };

  const rowsOf = (uid: string, userId: number) => db(uid).findMany({ where: { user: { id: userId } } }) as Promise<Record<string, unknown>[]>;

  beforeAll(async () => {
    app = await startTestApp();
    f = fixtures(app);
    more = moreFixtures(app);
    admin = adminApi(app, await adminToken(app));
    client = await f.client({ name: 'Secure Co' });
    otherClient = await f.client({ name: 'Other Co' });
  });
  afterAll(async () => app?.stop());

  describe('portal-wide sign-in settings', () => {
    it('starts with sign-in links on and two-factor optional', async () => {
      const response = await admin.get('/clientia/settings/sign-in').expect(200);
      expect(response.body).toEqual({ data: { magicLinks: true, requireTwoFactor: false } });
    });

    it('changes only the settings sent, and keeps them', async () => {
      let response = await admin.put('/clientia/settings/sign-in', { requireTwoFactor: true }).expect(200);
      expect(response.body.data).toEqual({ magicLinks: true, requireTwoFactor: true });
      response = await admin.put('/clientia/settings/sign-in', { magicLinks: false }).expect(200);
      expect(response.body.data).toEqual({ magicLinks: false, requireTwoFactor: true });
      expect((await admin.get('/clientia/settings/sign-in').expect(200)).body.data).toEqual({ magicLinks: false, requireTwoFactor: true });


      response = await admin.put('/clientia/settings/sign-in', { magicLinks: true, requireTwoFactor: false }).expect(200);
      expect(response.body.data).toEqual({ magicLinks: true, requireTwoFactor: false });
    });

    it.each([
      [{ magicLinks: 'yes' }, 'magicLinks'],
      [{ requireTwoFactor: 1 }, 'requireTwoFactor'],
      [{ requireTwoFactor: null }, 'requireTwoFactor'],
      [{ magicLinks: true, passkeys: true }, 'passkeys'],
    ])('PUT with %j → 400 naming %s, nothing saved', async (body, field) => {
      const response = await admin.put('/clientia/settings/sign-in', body).expect(400);
      expect(response.body.error.name).toBe('ValidationError');
      expect(fieldOf(response.body)).toBe(field);
      expect((await admin.get('/clientia/settings/sign-in').expect(200)).body.data).toEqual({ magicLinks: true, requireTwoFactor: false });
    });

    it('refuses a body that is not a JSON object, and any query parameter', async () => {
      expect((await admin.put('/clientia/settings/sign-in', [true]).expect(400)).body.error.name).toBe('ValidationError');
      const response = await admin.get('/clientia/settings/sign-in').query({ populate: '*' }).expect(400);
      expect(fieldOf(response.body)).toBe('populate');
    });
  });

  describe('a client’s contacts', () => {
    it('shows each contact’s two-factor, passkeys and open sessions', async () => {
      const owner = await f.client({ name: 'Overview Co' });
      const jonas = await secureContact(owner, 'Jonas Weber', { sessions: 2, passkeys: 1 });
      const lea = await secureContact(owner, 'Lea Braun', { twoFactor: false });
      // An ended and an expired session are not open.
      await db(SESSION).create({ data: { user: lea.user.id, method: 'link', secondFactor: 'none', expiresAt: new Date(Date.now() + HOUR), endedAt: new Date(), endedReason: 'signed-out' } });
      await db(SESSION).create({ data: { user: lea.user.id, method: 'link', secondFactor: 'none', expiresAt: new Date(Date.now() - HOUR) } });
      // An enrolment that was never confirmed is not two-factor.
      await db(TWO_FACTOR).create({ data: { user: lea.user.id, secret: 'pending', confirmedAt: null } });

      const response = await admin.get(`/clientia/clients/${owner.documentId}/sign-in`).expect(200);
      expect(response.body.data).toEqual({
        requireTwoFactor: false,
        portalRequiresTwoFactor: false,
        contacts: [
          { membershipId: jonas.membership.documentId, twoFactor: { enabled: true, enabledAt: '2026-10-05T09:00:00.000Z' }, passkeys: 1, activeSessions: 2 },
          { membershipId: lea.membership.documentId, twoFactor: { enabled: false, enabledAt: null }, passkeys: 0, activeSessions: 0 },
        ],
      });
      // No secret, hash or session detail leaves the server.
      expect(JSON.stringify(response.body)).not.toMatch(/sealed|pending|recovery|secret/i);
    });

    it('answers 404 for a missing client, and 400 for a query parameter', async () => {
      await admin.get('/clientia/clients/nosuchdocument0000000000/sign-in').expect(404);
      const response = await admin.get(`/clientia/clients/${client.documentId}/sign-in`).query({ fields: 'secret' }).expect(400);
      expect(fieldOf(response.body)).toBe('fields');
    });

    it('switches the client’s own two-factor rule, logged like any change to the client', async () => {
      let response = await admin.put(`/clientia/clients/${client.documentId}/sign-in`, { requireTwoFactor: true }).expect(200);
      expect(response.body.data.requireTwoFactor).toBe(true);
      expect((await f.docs('client').findOne({ documentId: client.documentId }))!.requireTwoFactor).toBe(true);
      const logged = await db('plugin::clientia.activity').findMany({ where: { client: { id: client.id }, verb: 'updated', subjectType: 'client' } });
      expect(logged.some((entry: { changes: unknown }) => JSON.stringify(entry.changes).includes('requireTwoFactor'))).toBe(true);

      // The portal-wide requirement shows alongside, without changing the client's own switch.
      await admin.put('/clientia/settings/sign-in', { requireTwoFactor: true }).expect(200);
      response = await admin.put(`/clientia/clients/${client.documentId}/sign-in`, { requireTwoFactor: false }).expect(200);
      expect(response.body.data).toMatchObject({ requireTwoFactor: false, portalRequiresTwoFactor: true });
      await admin.put('/clientia/settings/sign-in', { requireTwoFactor: false }).expect(200);
      expect((await f.docs('client').findOne({ documentId: client.documentId }))!.requireTwoFactor).toBe(false);
    });

    it.each([
      [{}, 'requireTwoFactor'],
      [{ requireTwoFactor: 'true' }, 'requireTwoFactor'],
      [{ requireTwoFactor: true, portalEnabled: false }, 'portalEnabled'],
    ])('PUT the client rule with %j → 400 naming %s, nothing changed', async (body, field) => {
      const response = await admin.put(`/clientia/clients/${client.documentId}/sign-in`, body).expect(400);
      expect(fieldOf(response.body)).toBe(field);
      const stored = (await f.docs('client').findOne({ documentId: client.documentId }))!;
      expect({ requireTwoFactor: stored.requireTwoFactor, portalEnabled: stored.portalEnabled }).toEqual({ requireTwoFactor: false, portalEnabled: true });
    });

    it('answers 404 when setting the rule of a missing client', async () => {
      await admin.put('/clientia/clients/nosuchdocument0000000000/sign-in', { requireTwoFactor: true }).expect(404);
    });
  });

  describe('resetting a contact’s two-factor authentication', () => {
    it('removes the app and recovery codes, ends every session and logs who did it', async () => {
      const jonas = await secureContact(client, 'Jonas Weber', { sessions: 2, passkeys: 1 });
      const bystander = await secureContact(client, 'Lea Braun', { sessions: 1 });
      // An already ended session keeps the reason it ended with.
      const ended = await db(SESSION).create({
        data: { user: jonas.user.id, method: 'password', secondFactor: 'totp', expiresAt: new Date(Date.now() + HOUR), endedAt: new Date(Date.now() - HOUR), endedReason: 'signed-out' },
      });

      const response = await admin.post(`/clientia/clients/${client.documentId}/contacts/${jonas.membership.documentId}/two-factor/reset`).expect(200);
      expect(response.body.data).toEqual({
        contact: { membershipId: jonas.membership.documentId, twoFactor: { enabled: false, enabledAt: null }, passkeys: 1, activeSessions: 0 },
        sessionsEnded: 2,
      });

      expect(await rowsOf(TWO_FACTOR, jonas.user.id)).toHaveLength(0);
      const sessions = await rowsOf(SESSION, jonas.user.id);
      expect(sessions).toHaveLength(3);
      for (const session of sessions.filter((row) => row.id !== ended.id)) {
        expect(session.endedAt).toBeTruthy();
        expect(session.endedReason).toBe('two-factor-reset');
      }
      expect(sessions.find((row) => row.id === ended.id)!.endedReason).toBe('signed-out');
      // Passkeys are the contact's own; a lost authenticator app says nothing about them.
      expect(await rowsOf(PASSKEY, jonas.user.id)).toHaveLength(1);

      // The other contact keeps everything.
      expect(await rowsOf(TWO_FACTOR, bystander.user.id)).toHaveLength(1);
      expect((await rowsOf(SESSION, bystander.user.id)).every((row) => row.endedAt === null)).toBe(true);

      const entries = await db('plugin::clientia.activity').findMany({ where: { client: { id: client.id }, verb: 'two-factor-reset' } });
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actorType: 'staff', actorLabel: 'Firm Staff', visibleToClient: false });
      expect(entries[0].subjectLabel).toBe(jonas.email);

      // The client page shows the reset in its log, and the contact without two-factor.
      const overview = await admin.get(`/clientia/clients/${client.documentId}`).expect(200);
      expect(overview.body.data.activity[0]).toMatchObject({ verb: 'two-factor-reset', actorType: 'staff', visibleToClient: false });
      const security = await admin.get(`/clientia/clients/${client.documentId}/sign-in`).expect(200);
      expect(security.body.data.contacts.find((c: { membershipId: string }) => c.membershipId === jonas.membership.documentId).twoFactor.enabled).toBe(false);
    });

    it('logs the reset on every portal client of the contact', async () => {
      const shared = await secureContact(client, 'Mia Roth', { sessions: 1 });
      await more.membership(otherClient, shared.user.id, { name: 'Mia Roth', role: 'member' });
      await admin.post(`/clientia/clients/${client.documentId}/contacts/${shared.membership.documentId}/two-factor/reset`).expect(200);
      for (const owner of [client, otherClient]) {
        const entries = await db('plugin::clientia.activity').findMany({ where: { client: { id: owner.id }, verb: 'two-factor-reset', subjectLabel: shared.email } });
        expect(entries).toHaveLength(1);
      }
    });

    it('logs a reset made from a client whose portal is off on that client', async () => {
      const closed = await f.client({ name: 'Closed Co', portalEnabled: false });
      const contact = await secureContact(closed, 'Paul Frei');
      await admin.post(`/clientia/clients/${closed.documentId}/contacts/${contact.membership.documentId}/two-factor/reset`).expect(200);
      const entries = await db('plugin::clientia.activity').findMany({ where: { client: { id: closed.id }, verb: 'two-factor-reset' } });
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actorType: 'staff', visibleToClient: false, subjectType: 'account' });
    });

    it('answers 404 for a contact of another client, a missing contact or a missing client, and changes nothing', async () => {
      const foreign = await secureContact(otherClient, 'Tom Fischer', { sessions: 1 });
      const before = await f.count('activity');
      await admin.post(`/clientia/clients/${client.documentId}/contacts/${foreign.membership.documentId}/two-factor/reset`).expect(404);
      await admin.post(`/clientia/clients/${client.documentId}/contacts/nosuchdocument0000000000/two-factor/reset`).expect(404);
      await admin.post(`/clientia/clients/nosuchdocument0000000000/contacts/${foreign.membership.documentId}/two-factor/reset`).expect(404);
      // A client's documentId is no membership's.
      await admin.post(`/clientia/clients/${client.documentId}/contacts/${client.documentId}/two-factor/reset`).expect(404);
      expect(await rowsOf(TWO_FACTOR, foreign.user.id)).toHaveLength(1);
      expect((await rowsOf(SESSION, foreign.user.id)).every((row) => row.endedAt === null)).toBe(true);
      expect(await f.count('activity')).toBe(before);
    });

    it('takes no body and no query parameters', async () => {
      const contact = await secureContact(client, 'Eva Lang', { sessions: 1 });
      const path = `/clientia/clients/${client.documentId}/contacts/${contact.membership.documentId}/two-factor/reset`;
      expect(fieldOf((await admin.post(path, { userId: 1 }).expect(400)).body)).toBe('userId');
      expect(fieldOf((await admin.post(path).query({ user: '1' }).expect(400)).body)).toBe('user');
      expect(await rowsOf(TWO_FACTOR, contact.user.id)).toHaveLength(1);
    });
  });

  describe('permissions', () => {
    it('lets a read-only role read both, and refuses every change', async () => {
      const reader = adminApi(app, (await staffWithActions(app, [READ])).token);
      const contact = await secureContact(client, 'Read Only Target', { sessions: 1 });
      await reader.get('/clientia/settings/sign-in').expect(200);
      await reader.get(`/clientia/clients/${client.documentId}/sign-in`).expect(200);

      const activity = await f.count('activity');
      await reader.put('/clientia/settings/sign-in', { requireTwoFactor: true }).expect(403);
      await reader.put(`/clientia/clients/${client.documentId}/sign-in`, { requireTwoFactor: true }).expect(403);
      await reader.post(`/clientia/clients/${client.documentId}/contacts/${contact.membership.documentId}/two-factor/reset`).expect(403);

      expect((await admin.get('/clientia/settings/sign-in').expect(200)).body.data.requireTwoFactor).toBe(false);
      expect((await f.docs('client').findOne({ documentId: client.documentId }))!.requireTwoFactor).toBe(false);
      expect(await rowsOf(TWO_FACTOR, contact.user.id)).toHaveLength(1);
      expect((await rowsOf(SESSION, contact.user.id)).every((row) => row.endedAt === null)).toBe(true);
      expect(await f.count('activity')).toBe(activity);
    });

    it('keeps portal settings and client records apart', async () => {
      const clerk = adminApi(app, (await staffWithActions(app, [READ, MANAGE_RECORDS])).token);
      const contact = await secureContact(client, 'Clerk Target');
      await clerk.put('/clientia/settings/sign-in', { magicLinks: false }).expect(403);
      await clerk.post(`/clientia/clients/${client.documentId}/contacts/${contact.membership.documentId}/two-factor/reset`).expect(200);

      const settingsAdmin = adminApi(app, (await staffWithActions(app, [READ, MANAGE_SETTINGS])).token);
      const other = await secureContact(client, 'Settings Target');
      await settingsAdmin.put('/clientia/settings/sign-in', { magicLinks: true }).expect(200);
      await settingsAdmin.put(`/clientia/clients/${client.documentId}/sign-in`, { requireTwoFactor: true }).expect(403);
      await settingsAdmin.post(`/clientia/clients/${client.documentId}/contacts/${other.membership.documentId}/two-factor/reset`).expect(403);
      expect(await rowsOf(TWO_FACTOR, other.user.id)).toHaveLength(1);
    });

    it('refuses an anonymous caller', async () => {
      const anonymous = adminApi(app);
      await anonymous.get('/clientia/settings/sign-in').expect(401);
      await anonymous.put('/clientia/settings/sign-in', { magicLinks: false }).expect(401);
      await anonymous.get(`/clientia/clients/${client.documentId}/sign-in`).expect(401);
    });
  });
});
