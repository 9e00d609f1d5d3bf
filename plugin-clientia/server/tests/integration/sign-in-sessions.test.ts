import { randomBytes } from 'node:crypto';

import { saveSignInSettings } from '../../src/sign-in/settings';
import { openSession } from '../../src/sign-in/sessions';
import { moreFixtures } from '../helpers/admin-api';
import { fixtures } from '../helpers/fixtures';
import { pathFor, PORTAL_ROUTES, routeName } from '../helpers/portal-probes';
import { startTestApp, type TestApp } from '../helpers/test-app';

const USER_UID = 'plugin::users-permissions.user';

describe('portal sign-in with a password, and the sessions it opens', () => {
  let app: TestApp;
  let clientA: { id: number; documentId: string; name: string };
  let strict: { id: number; documentId: string };
  const password = `Harbour-${randomBytes(6).toString('hex')}`;
  const people: Record<string, { id: number; email: string }> = {};

  const api = () => app.http();
  const signIn = (email: string, pass = password, headers: Record<string, string> = {}) =>
    api().post('/api/clientia/sign-in/password').set(headers).send({ email, password: pass });
  const bearer = (jwt: string) => ({ Authorization: `Bearer ${jwt}` });
  const me = (jwt: string) => api().get('/api/clientia/me').set(bearer(jwt));
  const signedIn = async (email: string, headers: Record<string, string> = {}) => {
    const response = await signIn(email, password, headers).expect(200);
    expect(response.body.data.status).toBe('signed-in');
    return response.body.data as { jwt: string; session: { id: string; method: string; secondFactor: string }; user: { id: number; email: string } };
  };

  const account = async (key: string, clients: { documentId: string }[], data: Record<string, unknown> = {}) => {
    const email = `${key}-${randomBytes(3).toString('hex')}@sign-in.example`;
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'client-contact' } });
    const user = (await app.strapi.documents(USER_UID).create({
      data: { username: email, email, password, provider: 'local', confirmed: true, blocked: false, role: role.id, ...data } as never,
    })) as unknown as { id: number };
    for (const client of clients) await moreFixtures(app).membership(client, Number(user.id), { role: 'owner', name: `${key} person`, acceptedAt: new Date().toISOString() });
    people[key] = { id: Number(user.id), email };
    return people[key]!;
  };

  /** A users-permissions token naming no session, as `/api/auth/local` issued them before it was closed to contacts. */
  const sessionlessToken = async (userId: number) =>
    String(await (app.strapi.plugin('users-permissions').service('jwt') as { issue(payload: object): string | Promise<string> }).issue({ id: userId }));

  beforeAll(async () => {
    app = await startTestApp();
    const f = fixtures(app);
    clientA = (await f.client({ name: 'Quayside Partners' })) as unknown as typeof clientA;
    strict = (await f.client({ name: 'Strict Holdings', requireTwoFactor: true })) as unknown as typeof strict;
    await account('dana', [clientA]);
    await account('colleague', [clientA]);
    await account('blocked', [clientA]);
    await app.strapi.db.query(USER_UID).update({ where: { id: people.blocked!.id }, data: { blocked: true } });
    await account('staffonly', []);
    await account('strict', [strict]);
    await account('enrolled', [clientA]);
    // An authenticator app the contact set up (the secret is never read on these routes).
    await app.strapi.db.query('plugin::clientia.two-factor' as never).create({
      data: { user: people.enrolled!.id, secret: 'v1.x.y.z', confirmedAt: new Date(), failedAttempts: 0, recoveryCodes: [] } as never,
    });
  });
  afterAll(async () => app?.stop());

  describe('GET /sign-in/options', () => {
    it('tells the sign-in page whether sign-in links are offered', async () => {
      expect((await api().get('/api/clientia/sign-in/options').expect(200)).body).toEqual({ data: { magicLinks: true } });
      await saveSignInSettings(app.strapi, { magicLinks: false });
      try {
        expect((await api().get('/api/clientia/sign-in/options').expect(200)).body).toEqual({ data: { magicLinks: false } });
      } finally {
        await saveSignInSettings(app.strapi, { magicLinks: true });
      }
      await api().get('/api/clientia/sign-in/options?x=1').expect(400);
    });
  });

  describe('POST /sign-in/password', () => {
    it('signs a contact in with a token that names its session and works on the portal', async () => {
      const result = await signedIn(people.dana!.email.toUpperCase());
      expect(result.user).toEqual({ id: people.dana!.id, email: people.dana!.email });
      expect(result.session).toEqual({ id: expect.any(String), method: 'password', secondFactor: 'none' });
      const claims = JSON.parse(Buffer.from(result.jwt.split('.')[1]!, 'base64url').toString('utf8'));
      expect(claims).toMatchObject({ id: people.dana!.id, sid: result.session.id });
      expect((await me(result.jwt).expect(200)).body.data.activeClient.name).toBe('Quayside Partners');
    });

    it('asks for a code when the contact has an authenticator app', async () => {
      const response = await signIn(people.enrolled!.email).expect(200);
      expect(response.body.data).toEqual({ status: 'second-factor', challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), expiresAt: expect.any(String) });
      const minutes = (Date.parse(response.body.data.expiresAt) - Date.now()) / 60_000;
      expect(minutes).toBeGreaterThan(9);
      expect(minutes).toBeLessThanOrEqual(10);
      expect(JSON.stringify(response.body)).not.toMatch(/jwt/);
    });

    it('asks a contact to set up an app when their client requires it, and everyone when the portal does', async () => {
      expect((await signIn(people.strict!.email).expect(200)).body.data).toEqual({ status: 'enrol-two-factor', challenge: expect.any(String), expiresAt: expect.any(String) });
      await saveSignInSettings(app.strapi, { requireTwoFactor: true });
      try {
        expect((await signIn(people.dana!.email).expect(200)).body.data.status).toBe('enrol-two-factor');
      } finally {
        await saveSignInSettings(app.strapi, { requireTwoFactor: false });
      }
    });

    it('refuses a right password without client portal access with 403', async () => {
      const response = await signIn(people.staffonly!.email).expect(403);
      expect(response.body.error.message).toMatch(/no client portal access/);
    });

    it('names the field of a bad request', async () => {
      const cases: [unknown, string][] = [
        [{}, 'email'],
        [{ email: 'not-an-address', password }, 'email'],
        [{ email: people.dana!.email }, 'password'],
        [{ email: people.dana!.email, password: 42 }, 'password'],
        [{ email: people.dana!.email, password, remember: true }, 'remember'],
      ];
      for (const [body, field] of cases) {
        const response = await api().post('/api/clientia/sign-in/password').send(body as object).expect(400);
        expect(response.body.error.details.errors[0].path).toEqual([field]);
      }
      await api().post('/api/clientia/sign-in/password').set('Content-Type', 'application/json').send('[1,2]').expect(400);
    });

    it('answers an unknown address, a wrong password and a blocked account alike, in similar time', async () => {
      const attempts = {
        unknown: () => signIn(`nobody-${randomBytes(3).toString('hex')}@sign-in.example`),
        wrong: () => signIn(people.dana!.email, `${password}-not`),
        blocked: () => signIn(people.blocked!.email),
      };
      const bodies = new Set<string>();
      const times: Record<keyof typeof attempts, number[]> = { unknown: [], wrong: [], blocked: [] };
      // Interleaved, so a slow moment of the machine is shared out instead of landing on one kind.
      for (let round = 0; round < 9; round += 1) {
        for (const kind of Object.keys(attempts) as (keyof typeof attempts)[]) {
          const started = process.hrtime.bigint();
          const response = await attempts[kind]();
          times[kind].push(Number(process.hrtime.bigint() - started) / 1e6);
          expect(response.status).toBe(401);
          bodies.add(JSON.stringify(response.body));
        }
      }
      expect([...bodies]).toHaveLength(1);
      expect(JSON.parse([...bodies][0]!).error.message).toBe('Wrong email or password');
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      const medians = Object.fromEntries(Object.entries(times).map(([kind, values]) => [kind, median(values)]));
      const slowest = Math.max(...Object.values(medians));
      // Each costs one bcrypt comparison; skipping it for one kind would answer in a fraction of the time.
      for (const [kind, value] of Object.entries(medians)) expect({ kind, ratio: value / slowest > 0.6 }).toEqual({ kind, ratio: true });
    });

    it('records successes and failures of known contacts in their clients’ activity, never for unknown addresses', async () => {
      const entries = async (verb: string, userId: number) =>
        (await app.strapi.db.query('plugin::clientia.activity').findMany({
          where: { verb, actorContact: { id: userId } },
          populate: { client: { select: ['id'] } },
          orderBy: { id: 'desc' },
        })) as { client: { id: number }; subjectType: string; visibleToClient: boolean; changes: Record<string, unknown> }[];
      await signIn(people.colleague!.email, 'not-the-password').expect(401);
      await signedIn(people.colleague!.email, { 'X-Forwarded-For': '198.51.100.4' });
      // The failure is logged without holding up the answer.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const [failed] = await entries('sign-in-failed', people.colleague!.id);
      expect(failed).toMatchObject({ client: { id: clientA.id }, subjectType: 'account', visibleToClient: false, changes: { method: 'password', reason: 'wrong-password' } });
      const [success] = await entries('signed-in', people.colleague!.id);
      expect(success).toMatchObject({ client: { id: clientA.id }, subjectType: 'account', visibleToClient: false, changes: { method: 'password', secondFactor: 'none', ip: '198.51.100.4' } });
      const before = await app.strapi.db.query('plugin::clientia.activity').count({ where: { verb: 'sign-in-failed' } });
      await signIn('ghost@sign-in.example').expect(401);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await app.strapi.db.query('plugin::clientia.activity').count({ where: { verb: 'sign-in-failed' } })).toBe(before);
    });
  });

  describe('sessions', () => {
    const sessions = async (jwt: string) => (await api().get('/api/clientia/sessions').set(bearer(jwt)).expect(200)).body.data as { id: string; current: boolean; ip: string; place: string | null; userAgent: string | null }[];

    it('lists the contact’s sessions with device and place, and ends one on the very next request', async () => {
      const laptop = await signedIn(people.dana!.email, { 'X-Clientia-User-Agent': 'Firefox on the laptop', 'X-Forwarded-For': '192.168.1.20' });
      const phone = await signedIn(people.dana!.email, { 'User-Agent': 'Phone browser' });
      const listed = await sessions(laptop.jwt);
      expect(listed.find((s) => s.id === laptop.session.id)).toMatchObject({ current: true, userAgent: 'Firefox on the laptop', ip: '192.168.1.20', place: 'a private network' });
      expect(listed.find((s) => s.id === phone.session.id)).toMatchObject({ current: false, userAgent: 'Phone browser', ip: '127.0.0.1', place: 'this computer' });

      await me(phone.jwt).expect(200);
      await api().delete(`/api/clientia/sessions/${phone.session.id}`).set(bearer(laptop.jwt)).expect(204);
      const refused = await me(phone.jwt).expect(401);
      expect(refused.body.error.message).toBe('This sign-in has ended');
      await me(laptop.jwt).expect(200);
      expect((await sessions(laptop.jwt)).map((s) => s.id)).not.toContain(phone.session.id);
      // Ended is ended: the same id again is not found.
      await api().delete(`/api/clientia/sessions/${phone.session.id}`).set(bearer(laptop.jwt)).expect(404);
    });

    it('answers 404 for another contact’s session and leaves it working', async () => {
      const mine = await signedIn(people.dana!.email);
      const theirs = await signedIn(people.colleague!.email);
      await api().delete(`/api/clientia/sessions/${theirs.session.id}`).set(bearer(mine.jwt)).expect(404);
      await api().delete('/api/clientia/sessions/zz9missingdocid0000000000').set(bearer(mine.jwt)).expect(404);
      await me(theirs.jwt).expect(200);
      expect((await sessions(mine.jwt)).map((s) => s.id)).not.toContain(theirs.session.id);
    });

    it('ends every other session and keeps the current one', async () => {
      const [current, second, third] = [await signedIn(people.dana!.email), await signedIn(people.dana!.email), await signedIn(people.dana!.email)];
      const colleague = await signedIn(people.colleague!.email);
      const response = await api().post('/api/clientia/sessions/end-others').set(bearer(current!.jwt)).send({}).expect(200);
      expect(response.body.data.ended).toBeGreaterThanOrEqual(2);
      await me(current!.jwt).expect(200);
      await me(second!.jwt).expect(401);
      await me(third!.jwt).expect(401);
      await me(colleague.jwt).expect(200);
      expect((await sessions(current!.jwt)).map((s) => s.id)).toEqual([current!.session.id]);
      await api().post('/api/clientia/sessions/end-others').set(bearer(current!.jwt)).send({ all: true }).expect(400);
    });

    it('ends all sessions, the current one included', async () => {
      const current = await signedIn(people.dana!.email);
      const other = await signedIn(people.dana!.email);
      const response = await api().post('/api/clientia/sessions/end-all').set(bearer(current.jwt)).expect(200);
      expect(response.body.data.ended).toBeGreaterThanOrEqual(2);
      await me(current.jwt).expect(401);
      await me(other.jwt).expect(401);
    });

    it('changes the password: every old token stops working, the new one works', async () => {
      const current = await signedIn(people.dana!.email);
      const other = await signedIn(people.dana!.email);
      const sessionless = await sessionlessToken(people.dana!.id);
      const change = (body: unknown) => api().put('/api/clientia/password').set(bearer(current.jwt)).send(body as object);

      const wrong = await change({ currentPassword: 'not-my-password', password: 'Fresh-harbour-22' }).expect(400);
      expect(wrong.body.error.details.errors[0].path).toEqual(['currentPassword']);
      expect((await change({ currentPassword: password, password: 'short' }).expect(400)).body.error.details.errors[0].path).toEqual(['password']);
      expect((await change({ currentPassword: password, password }).expect(400)).body.error.details.errors[0].path).toEqual(['password']);
      await me(current.jwt).expect(200);

      const next = `Fresh-${randomBytes(6).toString('hex')}`;
      const changed = await change({ currentPassword: password, password: next }).expect(200);
      expect(changed.body.data).toMatchObject({ status: 'signed-in', session: { method: 'password', secondFactor: 'none' } });
      await me(changed.body.data.jwt).expect(200);
      await me(current.jwt).expect(401);
      await me(other.jwt).expect(401);
      // A token naming no session could not be ended this way: it opens nothing at all.
      await me(sessionless).expect(401);
      await signIn(people.dana!.email).expect(401);
      await signIn(people.dana!.email, next).expect(200);

      // Back to the shared password through the same route.
      await api().put('/api/clientia/password').set(bearer(changed.body.data.jwt)).send({ currentPassword: next, password }).expect(200);
    });

    it('ends the sessions when the password is reset through users-permissions', async () => {
      const session = await signedIn(people.colleague!.email);
      const code = randomBytes(32).toString('hex');
      await app.strapi.db.query(USER_UID).update({ where: { id: people.colleague!.id }, data: { resetPasswordToken: code } });
      const next = `Reset-${randomBytes(6).toString('hex')}`;
      await api().post('/api/auth/reset-password').send({ code, password: next, passwordConfirmation: next }).expect(200);
      await me(session.jwt).expect(401);
      // Back to the shared password for the other tests.
      await app.strapi.plugin('users-permissions').service('user').edit(people.colleague!.id, { password });
    });

    it('notes lastSeenAt at most once a minute', async () => {
      const session = await signedIn(people.dana!.email);
      const row = () => app.strapi.db.query('plugin::clientia.portal-session').findOne({ where: { documentId: session.session.id } }) as Promise<{ lastSeenAt: string }>;
      const opened = (await row()).lastSeenAt;
      await me(session.jwt).expect(200);
      expect((await row()).lastSeenAt).toEqual(opened);
      await app.strapi.db.query('plugin::clientia.portal-session').update({ where: { documentId: session.session.id }, data: { lastSeenAt: new Date(Date.now() - 5 * 60_000) } });
      await me(session.jwt).expect(200);
      expect(Date.parse((await row()).lastSeenAt)).toBeGreaterThan(Date.now() - 10_000);
    });
  });

  describe('required two-factor authentication', () => {
    const refusedEverywhere = async (jwt: string) => {
      const answers: string[] = [];
      for (const spec of PORTAL_ROUTES) {
        const method = spec.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
        let request = api()[method](pathFor(spec)).set(bearer(jwt));
        if (spec.method !== 'GET') request = request.send(spec.example?.body ?? {});
        const response = await request;
        if (response.status !== 403 || response.body?.error?.details?.reason !== 'two-factor-required') {
          answers.push(`${routeName(spec)}: ${response.status} ${JSON.stringify(response.body).slice(0, 160)}`);
        }
      }
      return answers;
    };

    it('gives a contact no token from users-permissions’ own sign-in: the right password reads as a wrong one', async () => {
      const right = await api().post('/api/auth/local').send({ identifier: people.strict!.email, password });
      const wrong = await api().post('/api/auth/local').send({ identifier: people.strict!.email, password: 'not-the-password-1' });
      expect([right.status, right.body]).toEqual([wrong.status, wrong.body]);
      expect(right.status).toBe(400);
      expect(JSON.stringify(right.body)).not.toContain('jwt');
    });

    it('refuses every portal route to a token naming no session, whoever holds it', async () => {
      for (const person of [people.strict!, people.dana!]) {
        const token = await sessionlessToken(person.id);
        for (const spec of PORTAL_ROUTES) {
          const method = spec.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
          let request = api()[method](pathFor(spec)).set(bearer(token));
          if (spec.method !== 'GET') request = request.send(spec.example?.body ?? {});
          const response = await request;
          expect({ route: routeName(spec), status: response.status, reason: response.body?.error?.details?.reason }).toEqual({ route: routeName(spec), status: 401, reason: 'sign-in-ended' });
        }
      }
    });

    it('refuses every portal route to a session that proved no second factor, and lets one that did through', async () => {
      const bare = await openSession(app.strapi, null, { userId: people.strict!.id, method: 'password', secondFactor: 'none' });
      expect(await refusedEverywhere(bare.jwt)).toEqual([]);
      const proved = await openSession(app.strapi, null, { userId: people.strict!.id, method: 'link', secondFactor: 'totp' });
      await me(proved.jwt).expect(200);
      const passkey = await openSession(app.strapi, null, { userId: people.strict!.id, method: 'passkey', secondFactor: 'none' });
      await me(passkey.jwt).expect(200);
    });

    it('refuses a contact with an authenticator app set up who skipped it, and everyone when the portal requires it', async () => {
      expect(await refusedEverywhere((await openSession(app.strapi, null, { userId: people.enrolled!.id, method: 'password', secondFactor: 'none' })).jwt)).toEqual([]);
      const dana = (await openSession(app.strapi, null, { userId: people.dana!.id, method: 'password', secondFactor: 'none' })).jwt;
      await me(dana).expect(200);
      await saveSignInSettings(app.strapi, { requireTwoFactor: true });
      try {
        await me(dana).expect(403);
        const session = await openSession(app.strapi, null, { userId: people.dana!.id, method: 'password', secondFactor: 'none' });
        expect((await me(session.jwt).expect(403)).body.error.details.reason).toBe('two-factor-required');
      } finally {
        await saveSignInSettings(app.strapi, { requireTwoFactor: false });
      }
      await me(dana).expect(200);
    });

    it('shows on GET /security who requires it', async () => {
      const strictSession = await openSession(app.strapi, null, { userId: people.strict!.id, method: 'password', secondFactor: 'totp' });
      const strictView = (await api().get('/api/clientia/security').set(bearer(strictSession.jwt)).expect(200)).body.data;
      expect(strictView).toMatchObject({ twoFactor: { enabled: false, requiredBy: 'client', recoveryCodesLeft: 0 }, passkeys: [], magicLinks: true });
      const dana = await signedIn(people.dana!.email);
      expect((await api().get('/api/clientia/security').set(bearer(dana.jwt)).expect(200)).body.data.twoFactor).toEqual({
        enabled: false,
        enabledAt: null,
        requiredBy: null,
        recoveryCodesLeft: 0,
      });
    });
  });
});
