import { PORTAL_ROUTES } from '../../src/routes/content-api/portal';
import { PASSKEY_SIGN_IN_FAILED, PASSKEY_SIGN_IN_PER_ADDRESS } from '../../src/sign-in/passkeys';
import { saveSignInSettings } from '../../src/sign-in/settings';
import { moreFixtures } from '../helpers/admin-api';
import { fixtures } from '../helpers/fixtures';
import { SoftwareAuthenticator } from '../helpers/software-authenticator';
import { portalUser, startTestApp, type TestApp } from '../helpers/test-app';

const ORIGIN = 'https://portal.quay.example';
const RP_ID = 'portal.quay.example';

describe('passkeys: added from the account page, then signing in instead of a password and a code', () => {
  let app: TestApp;
  let greta: Awaited<ReturnType<typeof portalUser>>;
  let teammate: Awaited<ReturnType<typeof portalUser>>;
  let stranger: Awaited<ReturnType<typeof portalUser>>;
  const laptop = new SoftwareAuthenticator();
  let laptopPasskey: { id: string; name: string };

  const api = (method: 'get' | 'post' | 'put' | 'delete', path: string, jwt?: string) => {
    const call = app.http()[method](`/api/clientia${path}`);
    return jwt ? call.set('Authorization', `Bearer ${jwt}`) : call;
  };

  /** Both registration steps as the account page runs them; answers the second step's response. */
  const addPasskey = async (jwt: string, authenticator: SoftwareAuthenticator, extra: { name?: string; origin?: string; rpId?: string } = {}) => {
    const started = await api('post', '/security/passkeys/options', jwt).send({}).expect(200);
    const { challenge, options } = started.body.data;
    const response = authenticator.create(options, { origin: extra.origin ?? ORIGIN, rpId: extra.rpId });
    return api('post', '/security/passkeys', jwt).send({ challenge, response, ...(extra.name ? { name: extra.name } : {}) });
  };

  const signInOptions = async () => (await api('post', '/sign-in/passkey/options').send({}).expect(200)).body.data as { challenge: string; options: { challenge: string; rpId: string } };

  const signIn = async (authenticator: SoftwareAuthenticator, context: { origin?: string; rpId?: string; credentialId?: string } = {}) => {
    const { challenge, options } = await signInOptions();
    const response = authenticator.get(options, { origin: context.origin ?? ORIGIN, rpId: context.rpId, credentialId: context.credentialId });
    return api('post', '/sign-in/passkey').send({ challenge, response });
  };

  const activity = (verb: string) =>
    app.strapi.db.query('plugin::clientia.activity').findMany({ where: { verb, actorContact: { id: greta.user.id } }, orderBy: { id: 'desc' } }) as Promise<
      { changes: Record<string, unknown>; visibleToClient: boolean }[]
    >;

  const storedPasskey = (documentId: string) =>
    app.strapi.db.query('plugin::clientia.passkey').findOne({ where: { documentId } }) as Promise<{ counter: string | number; lastUsedAt: string | null } | null>;

  beforeAll(async () => {
    app = await startTestApp({ env: { PORTAL_URL: ORIGIN } });
    await app.strapi.documents('plugin::clientia.branding').create({ data: { firmName: 'Quay & Co' } as never });
    const f = fixtures(app);
    const harbour = await f.client({ name: 'Hafenbetrieb' });
    const elsewhere = await f.client({ name: 'Elsewhere Ltd' });
    greta = await portalUser(app, 'greta@hafen.example');
    teammate = await portalUser(app, 'tom@hafen.example');
    stranger = await portalUser(app, 'sam@elsewhere.example');
    await moreFixtures(app).membership(harbour, Number(greta.user.id), { role: 'owner', name: 'Greta Hafen' });
    await moreFixtures(app).membership(harbour, Number(teammate.user.id), { role: 'owner', name: 'Tom Hafen' });
    await moreFixtures(app).membership(elsewhere, Number(stranger.user.id), { role: 'owner', name: 'Sam Else' });
  });
  afterAll(async () => app?.stop());

  it('adds a passkey for the signed-in contact: discoverable, user-verified, bound to the portal’s hostname', async () => {
    const started = await api('post', '/security/passkeys/options', greta.jwt).send({}).expect(200);
    const { challenge, options } = started.body.data;
    expect(typeof challenge).toBe('string');
    expect(options.rp).toEqual({ id: RP_ID, name: 'Quay & Co' });
    expect(options.user.name).toBe('greta@hafen.example');
    expect(options.user.displayName).toBe('Greta Hafen');
    // The user handle is opaque: neither the email nor the row id.
    expect(Buffer.from(options.user.id, 'base64url').length).toBe(32);
    expect(Buffer.from(options.user.id, 'base64url').toString('utf8')).not.toContain('greta');
    expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required', requireResidentKey: true, userVerification: 'required' });
    expect(options.attestation).toBe('none');
    expect(options.excludeCredentials).toEqual([]);

    const response = laptop.create(options, { origin: ORIGIN });
    const added = await api('post', '/security/passkeys', greta.jwt).send({ challenge, response, name: '  Work laptop ' }).expect(201);
    expect(added.body.data).toEqual({ id: expect.any(String), name: 'Work laptop', createdAt: expect.any(String), lastUsedAt: null, backedUp: false });
    laptopPasskey = added.body.data;
    expect(added.text).not.toContain(response.id);

    // The challenge worked once.
    const again = await api('post', '/security/passkeys', greta.jwt).send({ challenge, response }).expect(400);
    expect(again.body.error.details.errors[0].path).toEqual(['challenge']);

    // Next time the same account handle, and the laptop's passkey is excluded.
    const next = (await api('post', '/security/passkeys/options', greta.jwt).send({}).expect(200)).body.data.options;
    expect(next.user.id).toBe(options.user.id);
    expect(next.excludeCredentials).toEqual([{ id: response.id, type: 'public-key', transports: ['internal', 'hybrid'] }]);

    const [entry] = await activity('passkey-added');
    expect(entry).toMatchObject({ visibleToClient: false, changes: expect.objectContaining({ method: 'passkey', passkey: 'Work laptop' }) });
  });

  it('names a passkey added without a name, and lists the contact’s passkeys on the security page', async () => {
    const phone = new SoftwareAuthenticator({ synced: true });
    const added = await addPasskey(greta.jwt, phone);
    expect(added.status).toBe(201);
    expect(added.body.data).toMatchObject({ name: 'Passkey 1', backedUp: true });

    const security = PORTAL_ROUTES.find((route) => route.method === 'GET' && route.path === '/security');
    if (security) {
      const page = await api('get', '/security', greta.jwt).expect(200);
      expect(page.body.data.passkeys.map((passkey: { name: string }) => passkey.name)).toEqual(['Work laptop', 'Passkey 1']);
      // Nobody else sees them.
      const theirs = await api('get', '/security', teammate.jwt).expect(200);
      expect(theirs.body.data.passkeys).toEqual([]);
    }
    await api('delete', `/security/passkeys/${added.body.data.id}`, greta.jwt).expect(204);
  });

  it('signs in with the passkey: a session of method passkey whose token works on the portal API', async () => {
    const { options } = await signInOptions();
    expect(options).toMatchObject({ rpId: RP_ID, userVerification: 'required', allowCredentials: [] });

    const before = Date.now();
    const signedIn = await signIn(laptop);
    expect(signedIn.status).toBe(200);
    const data = signedIn.body.data;
    expect(data).toMatchObject({ status: 'signed-in', user: { id: greta.user.id, email: 'greta@hafen.example' }, session: { method: 'passkey', secondFactor: 'none' } });
    const me = await api('get', '/me', data.jwt).expect(200);
    expect(JSON.stringify(me.body)).toContain('greta@hafen.example');

    const stored = await storedPasskey(laptopPasskey.id);
    expect(Number(stored!.counter)).toBe(laptop.credentials[0]!.counter);
    expect(new Date(stored!.lastUsedAt!).getTime()).toBeGreaterThanOrEqual(before - 1000);

    const [entry] = await activity('signed-in');
    expect(entry!.changes).toMatchObject({ method: 'passkey', secondFactor: 'none' });
  });

  it('takes each sign-in challenge once', async () => {
    const { challenge, options } = await signInOptions();
    const first = laptop.get(options, { origin: ORIGIN });
    await api('post', '/sign-in/passkey').send({ challenge, response: first }).expect(200);
    const second = laptop.get(options, { origin: ORIGIN });
    const replay = await api('post', '/sign-in/passkey').send({ challenge, response: second }).expect(401);
    expect(replay.body.error.message).toBe(PASSKEY_SIGN_IN_FAILED);
  });

  it('refuses an assertion made on another origin or for another RP id, and logs the failure for the account', async () => {
    const failuresBefore = (await activity('sign-in-failed')).length;
    const elsewhere = await signIn(laptop, { origin: 'https://portal.quay.example.evil.example' });
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.body.error.message).toBe(PASSKEY_SIGN_IN_FAILED);

    const otherRp = await signIn(laptop, { rpId: 'quay.example', credentialId: laptop.credentials[0]!.id });
    expect(otherRp.status).toBe(401);
    expect(otherRp.body.error.message).toBe(PASSKEY_SIGN_IN_FAILED);

    const failures = await activity('sign-in-failed');
    expect(failures.length).toBe(failuresBefore + 2);
    expect(failures[0]!.changes).toMatchObject({ method: 'passkey', reason: 'verification-failed' });
    // Still good on the right origin.
    await signIn(laptop).then((response) => expect(response.status).toBe(200));
  });

  it('does not keep a passkey made for another RP id or origin, nor one without user verification', async () => {
    const foreign = new SoftwareAuthenticator();
    const otherRp = await addPasskey(greta.jwt, foreign, { rpId: 'elsewhere.example' });
    expect(otherRp.status).toBe(400);
    expect(otherRp.body.error.details.errors[0].path).toEqual(['response']);
    const otherOrigin = await addPasskey(greta.jwt, new SoftwareAuthenticator(), { origin: 'https://evil.example' });
    expect(otherOrigin.status).toBe(400);
    const unverified = await addPasskey(greta.jwt, new SoftwareAuthenticator({ userVerified: false }));
    expect(unverified.status).toBe(400);
    expect(unverified.body.error.details.errors[0].path).toEqual(['response']);
  });

  it('takes its relying party from the configured portal only: an origin a caller names, even from a trusted address, changes nothing', async () => {
    // The header the portal once sent: from loopback (a trusted proxy) it would have moved the RP.
    const named = 'https://evil.example';
    const options = await api('post', '/sign-in/passkey/options').set('x-clientia-portal-origin', named).send({}).expect(200);
    expect(options.body.data.options.rpId).toBe(RP_ID);
    const registration = await api('post', '/security/passkeys/options', greta.jwt).set('x-clientia-portal-origin', named).send({}).expect(200);
    expect(registration.body.data.options.rp.id).toBe(RP_ID);
    // An assertion made for the named origin does not sign in.
    const { challenge } = options.body.data;
    const response = laptop.get(options.body.data.options, { origin: named, credentialId: laptop.credentials[0]!.id, rpId: RP_ID });
    await api('post', '/sign-in/passkey').set('x-clientia-portal-origin', named).send({ challenge, response }).expect(401);
  });

  it('opens a bounded number of anonymous passkey sign-ins per address, then answers 429 and writes nothing', async () => {
    const challenges = (ip: string) => app.strapi.db.query('plugin::clientia.sign-in-challenge').count({ where: { kind: 'passkey-sign-in', ip } });
    // The portal forwards each browser's address; Strapi believes it from the portal (loopback) only.
    const from = (ip: string) => api('post', '/sign-in/passkey/options').set('X-Forwarded-For', ip).send({});
    for (let n = 0; n < PASSKEY_SIGN_IN_PER_ADDRESS.limit; n += 1) await from('198.51.100.77').expect(200);
    expect(await challenges('198.51.100.77')).toBe(PASSKEY_SIGN_IN_PER_ADDRESS.limit);
    for (let n = 0; n < 5; n += 1) await from('198.51.100.77').expect(429);
    expect(await challenges('198.51.100.77')).toBe(PASSKEY_SIGN_IN_PER_ADDRESS.limit);
    // Another browser is not held up by it.
    await from('198.51.100.78').expect(200);
  });

  it('answers an unknown passkey 401 with the same message', async () => {
    const unknown = new SoftwareAuthenticator();
    unknown.create({ challenge: 'AAAA', rp: { id: RP_ID, name: 'x' }, user: { id: 'dXNlcg', name: 'u', displayName: 'u' } }, { origin: ORIGIN });
    const response = await signIn(unknown);
    expect(response.status).toBe(401);
    expect(response.body.error.message).toBe(PASSKEY_SIGN_IN_FAILED);
  });

  it('refuses an assertion without user verification and one whose counter went back', async () => {
    const credential = laptop.credentials[0]!;
    const lazy = new SoftwareAuthenticator({ userVerified: false });
    const fresh = await signInOptions();
    const noUv = lazy.assert(credential, fresh.options.challenge, ORIGIN, RP_ID, credential.counter + 1);
    await api('post', '/sign-in/passkey').send({ challenge: fresh.challenge, response: noUv }).expect(401);

    // A copy of the key would sign with a counter the server has already seen (or an older one).
    const seen = Number((await storedPasskey(laptopPasskey.id))!.counter);
    expect(seen).toBeGreaterThan(1);
    for (const counter of [seen, seen - 1]) {
      const backwards = await signInOptions();
      const cloned = laptop.assert(credential, backwards.options.challenge, ORIGIN, RP_ID, counter);
      await api('post', '/sign-in/passkey').send({ challenge: backwards.challenge, response: cloned }).expect(401);
      const [entry] = await activity('sign-in-failed');
      expect(entry!.changes).toMatchObject({ reason: 'counter-not-increased' });
    }
    await signIn(laptop).then((response) => expect(response.status).toBe(200));
  });

  it('refuses a blocked account', async () => {
    await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: greta.user.id }, data: { blocked: true } });
    try {
      const response = await signIn(laptop);
      expect(response.status).toBe(401);
      expect(response.body.error.message).toBe(PASSKEY_SIGN_IN_FAILED);
    } finally {
      await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: greta.user.id }, data: { blocked: false } });
    }
  });

  it('counts as both factors when the firm requires two-factor authentication', async () => {
    await saveSignInSettings(app.strapi, { requireTwoFactor: true });
    try {
      // A password-only token no longer reaches the portal…
      await api('get', '/me', greta.jwt).expect(403);
      // …a passkey sign-in does.
      const signedIn = await signIn(laptop);
      expect(signedIn.status).toBe(200);
      await api('get', '/me', signedIn.body.data.jwt).expect(200);
    } finally {
      await saveSignInSettings(app.strapi, { requireTwoFactor: false });
    }
  });

  it('lets only its owner rename or remove a passkey: anyone else gets 404', async () => {
    for (const other of [teammate, stranger]) {
      await api('put', `/security/passkeys/${laptopPasskey.id}`, other.jwt).send({ name: 'Mine now' }).expect(404);
      await api('delete', `/security/passkeys/${laptopPasskey.id}`, other.jwt).expect(404);
    }
    await api('put', '/security/passkeys/zz9missingdocid0000000000', greta.jwt).send({ name: 'Nothing' }).expect(404);

    const renamed = await api('put', `/security/passkeys/${laptopPasskey.id}`, greta.jwt).send({ name: 'Desk laptop' }).expect(200);
    expect(renamed.body.data).toMatchObject({ id: laptopPasskey.id, name: 'Desk laptop' });
    for (const name of ['', '   ', 'x'.repeat(61), 42]) {
      const refused = await api('put', `/security/passkeys/${laptopPasskey.id}`, greta.jwt).send({ name }).expect(400);
      expect(refused.body.error.details.errors[0].path).toEqual(['name']);
    }
    await signIn(laptop).then((response) => expect(response.status).toBe(200));
  });

  it('names the field of a bad request and never answers 5xx', async () => {
    const { challenge } = await signInOptions();
    const cases: [unknown, string][] = [
      [{}, 'challenge'],
      [{ challenge: 'short', response: {} }, 'challenge'],
      [{ challenge }, 'response'],
      [{ challenge, response: 'credential' }, 'response'],
      [{ challenge, response: { id: 'a b', rawId: 'a', type: 'public-key', response: {} } }, 'response'],
      [{ challenge, response: { id: 'abc', rawId: 'abc', type: 'password', response: {} } }, 'response'],
      [{ challenge, response: { id: 'abc', rawId: 'abc', type: 'public-key', response: { clientDataJSON: 'e30' } } }, 'response'],
      [{ challenge, response: {}, extra: true }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const response = await api('post', '/sign-in/passkey').send(body as object).expect(400);
      expect(response.body.error.details.errors[0].path[0]).toBe(field);
    }
    const options = await api('post', '/sign-in/passkey/options').send({ extra: 1 }).expect(400);
    expect(options.body.error.details.errors[0].path).toEqual(['extra']);
    const register = await api('post', '/security/passkeys', greta.jwt).send({ challenge, response: 'x' }).expect(400);
    expect(register.body.error.details.errors[0].path[0]).toBe('response');
  });

  it('takes a registration challenge only from the contact it was made for, and only for registration', async () => {
    const started = (await api('post', '/security/passkeys/options', greta.jwt).send({}).expect(200)).body.data;
    const response = new SoftwareAuthenticator().create(started.options, { origin: ORIGIN });
    const theirs = await api('post', '/security/passkeys', teammate.jwt).send({ challenge: started.challenge, response }).expect(400);
    expect(theirs.body.error.details.errors[0].path).toEqual(['challenge']);

    // A sign-in challenge is no registration challenge, and the other way round.
    const signInCeremony = await signInOptions();
    const asRegistration = await api('post', '/security/passkeys', greta.jwt).send({ challenge: signInCeremony.challenge, response }).expect(400);
    expect(asRegistration.body.error.details.errors[0].path).toEqual(['challenge']);
    const registration = (await api('post', '/security/passkeys/options', greta.jwt).send({}).expect(200)).body.data;
    const assertion = laptop.get(registration.options, { origin: ORIGIN, rpId: RP_ID });
    await api('post', '/sign-in/passkey').send({ challenge: registration.challenge, response: assertion }).expect(401);
  });

  it('removes a passkey: it no longer signs in, and the removal is logged', async () => {
    await api('delete', `/security/passkeys/${laptopPasskey.id}`, greta.jwt).expect(204);
    await api('delete', `/security/passkeys/${laptopPasskey.id}`, greta.jwt).expect(404);
    const response = await signIn(laptop);
    expect(response.status).toBe(401);
    expect(response.body.error.message).toBe(PASSKEY_SIGN_IN_FAILED);
    const [entry] = await activity('passkey-removed');
    expect(entry!.changes).toMatchObject({ method: 'passkey', passkey: 'Desk laptop' });
  });
});
