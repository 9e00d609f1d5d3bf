import { expireResetCodes, RESET_CODE_TTL_MS } from '../../src/accounts/password-reset';
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

    clearOutbox(app.outboxDir);
    await ask({ email: 'greta@hafen.example' }).expect(200);
    expect(await sent()).toEqual([]);

    await app.http().post('/api/auth/reset-password').send({ code, password: 'harbour-new-pass-9', passwordConfirmation: 'harbour-new-pass-9' }).expect(200);
    await app.http().post('/api/auth/local').send({ identifier: 'greta@hafen.example', password: 'harbour-new-pass-9' }).expect(200);
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
    await app.http().post('/api/auth/local').send({ identifier: 'greta@hafen.example', password: 'harbour-new-pass-9' }).expect(200);
  });

  it('names the field of a bad request', async () => {
    for (const body of [{}, { email: 'not-an-address' }, { email: 42 }, { email: 'a@b.example', extra: 1 }]) {
      const response = await ask(body).expect(400);
      expect(response.body.error.details.errors[0].path).toEqual([Object.keys(body).includes('extra') ? 'extra' : 'email']);
    }
  });
});
