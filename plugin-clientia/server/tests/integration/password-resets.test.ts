import { expireResetCodes, RESET_CODE_TTL_MS } from '../../src/accounts/password-reset';
import { hashedResetCode, hashStoredResetCodes } from '../../src/accounts/reset-codes';
import { RESET_REQUEST_FLOOR_MS } from '../../src/controllers/password-resets';
import { moreFixtures } from '../helpers/admin-api';
import { fixtures } from '../helpers/fixtures';
import { clearOutbox, deliverQueued, readOutbox } from '../helpers/outbox';
import { portalUser, startTestApp, type TestApp } from '../helpers/test-app';

describe('password resets through the outbox: branded, in the contact’s language, never telling who has an account', () => {
  let app: TestApp;
  let contact: Awaited<ReturnType<typeof portalUser>>;

  const ask = (body: unknown) => app.http().post('/api/clientia/password-resets').send(body as object);
  const sent = async () => {
    await deliverQueued(app.strapi);
    return readOutbox(app.outboxDir);
  };

  beforeAll(async () => {
    app = await startTestApp({ env: { PORTAL_URL: 'https://portal.quay.example' } });
    await app.strapi.documents('plugin::clientia.branding').create({ data: { firmName: 'Quay & Co', emailSenderAddress: 'hello@quay.example' } as never });
    const client = await fixtures(app).client({ name: 'Hafenbetrieb', preferredLocale: 'de-DE' });
    contact = await portalUser(app, 'greta@hafen.example');
    await moreFixtures(app).membership(client, Number(contact.user.id), { role: 'owner', name: 'Greta Hafen' });
    await portalUser(app, 'nobody-portal@elsewhere.example');
  });
  afterAll(async () => app?.stop());
  const signIn = (email: string, password: string) => app.http().post('/api/clientia/sign-in/password').send({ email, password });
  beforeEach(async () => {
    await deliverQueued(app.strapi);
    clearOutbox(app.outboxDir);
  });

  it('emails a contact a working link in their language and the firm’s brand, once a minute at most', async () => {
    expect((await ask({ email: ' Greta@Hafen.example ' }).expect(200)).body).toEqual({ data: { ok: true } });
    const [mail, ...more] = await sent();
    expect(more).toEqual([]);
    expect(mail!.headers.to).toContain('greta@hafen.example');
    expect(mail!.headers.from).toContain('hello@quay.example');
    expect(mail!.headers.subject).toMatch(/Passwort/);
    expect(mail!.raw).not.toMatch(/clientia|strapi/i);
    const code = /https:\/\/portal\.quay\.example\/reset-password\?code=([0-9a-f]{128})/.exec(mail!.body)![1];
    // The copy the outbox keeps after delivery opens nothing.
    const kept = await app.strapi.db.query('plugin::clientia.outbound-email').findOne({ where: { kind: 'password_reset', to: 'greta@hafen.example' } });
    expect(kept.state).toBe('sent');
    expect(`${kept.text}${kept.html}`).not.toContain(code);
    expect(kept.text).toContain('reset-password?code=removed-after-delivery');

    clearOutbox(app.outboxDir);
    await ask({ email: 'greta@hafen.example' }).expect(200);
    expect(await sent()).toEqual([]);

    await app.http().post('/api/auth/reset-password').send({ code, password: 'harbour-new-pass-9', passwordConfirmation: 'harbour-new-pass-9' }).expect(200);
    expect((await signIn('greta@hafen.example', 'harbour-new-pass-9').expect(200)).body.data.status).toBe('signed-in');
  });

  it('answers an unknown address, an account without a client and a blocked one alike, and emails none of them', async () => {
    await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: contact.user.id }, data: { blocked: true } });
    try {
      for (const email of ['nobody@nowhere.example', 'nobody-portal@elsewhere.example', 'greta@hafen.example']) {
        expect((await ask({ email }).expect(200)).body).toEqual({ data: { ok: true } });
      }
    } finally {
      await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: contact.user.id }, data: { blocked: false } });
    }
    expect(await sent()).toEqual([]);
  });

  it('answers a known address no sooner than an unknown one: after the same floor', async () => {
    // Lower bounds only: whatever else the machine does, no answer comes before the floor.
    await app.strapi.db
      .query('plugin::clientia.outbound-email')
      .updateMany({ where: { kind: 'password_reset' }, data: { createdAt: new Date(Date.now() - 5 * 60_000) } });
    for (const email of ['greta@hafen.example', 'nobody@nowhere.example', 'nobody-portal@elsewhere.example']) {
      const started = performance.now();
      expect((await ask({ email }).expect(200)).body).toEqual({ data: { ok: true } });
      expect({ email, atLeastTheFloor: performance.now() - started >= RESET_REQUEST_FLOOR_MS - 5 }).toEqual({ email, atLeastTheFloor: true });
    }
    expect((await sent()).map((mail) => mail.headers.to)).toEqual([expect.stringContaining('greta@hafen.example')]);
  });

  it('ends an unused reset link after an hour, and only that one', async () => {
    const code = async () => {
      const mail = await sent();
      return /reset-password\?code=([0-9a-f]{128})/.exec(mail[mail.length - 1]!.body)![1]!;
    };
    // The first test's reset is more than a minute old by now, as far as the limit is concerned.
    await app.strapi.db
      .query('plugin::clientia.outbound-email')
      .updateMany({ where: { kind: 'password_reset' }, data: { createdAt: new Date(Date.now() - 5 * 60_000) } });
    await ask({ email: 'greta@hafen.example' }).expect(200);
    const old = await code();
    expect(await expireResetCodes(app.strapi)).toBe(0);
    // An hour and a bit later, by the clock the sweep is given.
    expect(await expireResetCodes(app.strapi, new Date(Date.now() + RESET_CODE_TTL_MS + 60_000))).toBe(1);
    const refused = await app.http().post('/api/auth/reset-password').send({ code: old, password: 'harbour-late-pass-1', passwordConfirmation: 'harbour-late-pass-1' });
    expect(refused.status).toBe(400);
    expect((await signIn('greta@hafen.example', 'harbour-new-pass-9').expect(200)).body.data.status).toBe('signed-in');
  });

  it('keeps only a hash of each code: the stored value opens nothing, and a code kept in the clear from before is hashed at start', async () => {
    const users = app.strapi.db.query('plugin::users-permissions.user');
    const { tableName } = app.strapi.db.metadata.get('plugin::users-permissions.user');
    const column = async () => (await app.strapi.db.connection(tableName).where({ id: contact.user.id }).first('reset_password_token')).reset_password_token;
    const reset = (code: string, password: string) => app.http().post('/api/auth/reset-password').send({ code, password, passwordConfirmation: password });

    await app.strapi.db
      .query('plugin::clientia.outbound-email')
      .updateMany({ where: { kind: 'password_reset' }, data: { createdAt: new Date(Date.now() - 5 * 60_000) } });
    await ask({ email: 'greta@hafen.example' }).expect(200);
    const [mail] = await sent();
    const code = /reset-password\?code=([0-9a-f]{128})/.exec(mail!.body)![1]!;
    const stored = await column();
    expect(stored).toBe(hashedResetCode(code));
    expect(stored).not.toContain(code.slice(0, 16));
    // Whoever reads the users table holds only the hash, and the hash is not a code.
    expect((await reset(stored, 'dump-reader-pass-1').expect(400)).body.error.message).toBe('Incorrect code provided');
    await reset(code, 'harbour-third-pass-3').expect(200);
    expect(await column()).toBeNull();

    // users-permissions' own "forgot password" writes the code through the query engine: hashed too.
    await users.update({ where: { id: contact.user.id }, data: { resetPasswordToken: 'a-code-users-permissions-issued' } });
    expect(await column()).toBe(hashedResetCode('a-code-users-permissions-issued'));
    await reset('a-code-users-permissions-issued', 'harbour-fourth-pass-4').expect(200);

    // A code stored in the clear before this rule: hashed once at start, and the link still works.
    await app.strapi.db.connection(tableName).where({ id: contact.user.id }).update({ reset_password_token: 'an-older-clear-code' });
    expect(await hashStoredResetCodes(app.strapi)).toBe(1);
    expect(await hashStoredResetCodes(app.strapi)).toBe(0);
    expect(await column()).toBe(hashedResetCode('an-older-clear-code'));
    await reset('an-older-clear-code', 'harbour-new-pass-9').expect(200);
    expect((await signIn('greta@hafen.example', 'harbour-new-pass-9').expect(200)).body.data.status).toBe('signed-in');
  });

  it('names the field of a bad request', async () => {
    for (const body of [{}, { email: 'not-an-address' }, { email: 42 }, { email: 'a@b.example', extra: 1 }]) {
      const response = await ask(body).expect(400);
      expect(response.body.error.details.errors[0].path).toEqual([Object.keys(body).includes('extra') ? 'extra' : 'email']);
    }
  });
});
