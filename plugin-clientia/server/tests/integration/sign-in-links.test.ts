import { createHash } from 'node:crypto';

import { LINK_REQUEST_FLOOR_MS } from '../../src/controllers/sign-in-links';
import { saveSignInSettings } from '../../src/sign-in/settings';
import { moreFixtures } from '../helpers/admin-api';
import { fixtures } from '../helpers/fixtures';
import { clearOutbox, deliverQueued, readOutbox } from '../helpers/outbox';
import { portalUser, startTestApp, type TestApp } from '../helpers/test-app';

const ORIGIN = 'https://portal.quay.example';
const LINK = /https:\/\/portal\.quay\.example\/sign-in\/link\?token=([A-Za-z0-9_-]{43})/;
const LINKS = 'plugin::clientia.sign-in-link';
const USERS = 'plugin::users-permissions.user';

describe('sign-in links: by email, once, for 15 minutes, never telling who has an account', () => {
  let app: TestApp;
  let greta: Awaited<ReturnType<typeof portalUser>>;
  let staffOnly: Awaited<ReturnType<typeof portalUser>>;

  const api = (path: string) => app.http().post(`/api/clientia${path}`);
  const ask = (email: string) => api('/sign-in/links').send({ email });
  const redeem = (token: string) => api('/sign-in/links/redeem').send({ token });
  const sent = async () => {
    await deliverQueued(app.strapi);
    return readOutbox(app.outboxDir);
  };
  /** The token of the newest link email. */
  const newestToken = async () => {
    const mail = await sent();
    const match = LINK.exec(mail[mail.length - 1]?.body ?? '');
    if (!match) throw new Error('no sign-in link email was sent');
    return match[1]!;
  };
  /** Lets the next request send again: every link so far is older than the once-a-minute limit. */
  const pastTheMinute = () => app.strapi.db.query(LINKS).updateMany({ where: {}, data: { createdAt: new Date(Date.now() - 2 * 60_000) } });
  const linkFor = async (email = 'greta@hafen.example') => {
    await pastTheMinute();
    clearOutbox(app.outboxDir);
    await ask(email).expect(200);
    return newestToken();
  };
  const activity = (verb: string) =>
    app.strapi.db.query('plugin::clientia.activity').findMany({ where: { verb, subjectId: greta.user.documentId }, orderBy: { id: 'desc' } }) as Promise<
      { changes: Record<string, unknown>; visibleToClient: boolean }[]
    >;

  beforeAll(async () => {
    app = await startTestApp({ env: { PORTAL_URL: ORIGIN } });
    await app.strapi.documents('plugin::clientia.branding').create({ data: { firmName: 'Quay & Co', emailSenderAddress: 'hello@quay.example' } as never });
    const harbour = await fixtures(app).client({ name: 'Hafenbetrieb', preferredLocale: 'de-DE' });
    greta = await portalUser(app, 'greta@hafen.example');
    await moreFixtures(app).membership(harbour, Number(greta.user.id), { role: 'owner', name: 'Greta Hafen' });
    staffOnly = await portalUser(app, 'nobody-portal@elsewhere.example');
    const blocked = await portalUser(app, 'blocked@hafen.example');
    await moreFixtures(app).membership(harbour, Number(blocked.user.id), { role: 'member', name: 'Bo Blocked' });
    await app.strapi.db.query(USERS).update({ where: { id: blocked.user.id }, data: { blocked: true } });
  });
  afterAll(async () => app?.stop());
  beforeEach(async () => {
    await deliverQueued(app.strapi);
    clearOutbox(app.outboxDir);
  });

  it('emails a contact a link in their language and the firm’s brand that signs them in once', async () => {
    expect((await ask(' Greta@Hafen.example ').expect(200)).body).toEqual({ data: { ok: true } });
    const [mail, ...more] = await sent();
    expect(more).toEqual([]);
    expect(mail!.headers.to).toContain('greta@hafen.example');
    expect(mail!.headers.from).toContain('hello@quay.example');
    expect(mail!.headers.subject).toMatch(/Anmeldelink/);
    expect(mail!.body).toContain('15 Minuten');
    expect(mail!.raw).not.toMatch(/clientia|strapi/i);
    const token = LINK.exec(mail!.body)![1]!;

    // Only the hash is kept.
    const rows = await app.strapi.db.query(LINKS).findMany({ where: { user: { id: greta.user.id } } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(new Date(rows[0].expiresAt).getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(new Date(rows[0].expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000);

    const signedIn = await redeem(token).expect(200);
    expect(signedIn.body.data).toMatchObject({ status: 'signed-in', user: { id: greta.user.id, email: 'greta@hafen.example' }, session: { method: 'link', secondFactor: 'none' } });
    expect(signedIn.headers['cache-control']).toBe('no-store');
    await app.http().get('/api/clientia/security').set('Authorization', `Bearer ${signedIn.body.data.jwt}`).expect(200);

    const [sentEntry] = await activity('sign-in-link-sent');
    expect(sentEntry).toMatchObject({ visibleToClient: false, changes: { method: 'link' } });
    const [signedInEntry] = await activity('signed-in');
    expect(signedInEntry!.changes).toMatchObject({ method: 'link', secondFactor: 'none' });
  });

  it('refuses a link the second time, and two clicks at once get one sign-in', async () => {
    const token = await linkFor();
    const both = await Promise.all([redeem(token), redeem(token)]);
    expect(both.map((response) => response.status).sort()).toEqual([200, 410]);
    const again = await redeem(token).expect(410);
    expect(again.body.error.message).toMatch(/does not work any more/);
    const [failure] = await activity('sign-in-failed');
    expect(failure!.changes).toMatchObject({ method: 'link', reason: 'link-used' });
  });

  it('sends at most one email a minute, answering the same', async () => {
    await linkFor();
    clearOutbox(app.outboxDir);
    expect((await ask('greta@hafen.example').expect(200)).body).toEqual({ data: { ok: true } });
    expect(await sent()).toEqual([]);
  });

  it('ends a link after 15 minutes', async () => {
    const token = await linkFor();
    await app.strapi.db.query(LINKS).updateMany({ where: { usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await redeem(token).expect(410);
  });

  it('voids the earlier link when a newer one is sent', async () => {
    const older = await linkFor();
    const newer = await linkFor();
    expect(newer).not.toBe(older);
    // The earlier unused link is gone from the table, not only refused.
    expect(await app.strapi.db.query(LINKS).count({ where: { tokenHash: createHash('sha256').update(older).digest('hex') } })).toBe(0);
    await redeem(older).expect(410);
    await redeem(newer).expect(200);
  });

  it('voids a link when the password changes', async () => {
    const token = await linkFor();
    await app.strapi.plugin('users-permissions').service('user').edit(greta.user.id, { password: 'a-brand-new-harbour-pass-1' });
    await redeem(token).expect(410);
    const [failure] = await activity('sign-in-failed');
    expect(failure!.changes).toMatchObject({ reason: 'link-password-changed' });
    // A link asked for under the new password works.
    await redeem(await linkFor()).expect(200);
  });

  it('answers known, unknown, portal-less and blocked addresses alike, in similar time, and emails only the contact', async () => {
    const addresses = ['greta@hafen.example', 'nobody@nowhere.example', staffOnly.user.email as string, 'blocked@hafen.example'];
    const timings = new Map<string, number[]>(addresses.map((email) => [email, []]));
    const ROUNDS = 7;
    for (let round = 0; round < ROUNDS; round += 1) {
      // Every known request sends (and so does all its work): the minute limit is moved out of the way.
      await pastTheMinute();
      for (const email of addresses) {
        const started = performance.now();
        const response = await ask(email);
        timings.get(email)!.push(performance.now() - started);
        expect(response.status).toBe(200);
        expect(response.body).toEqual({ data: { ok: true } });
      }
    }
    const recipients = (await sent()).map((mail) => mail.headers.to);
    expect(recipients).toHaveLength(ROUNDS);
    expect(recipients.every((to) => to!.includes('greta@hafen.example'))).toBe(true);

    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const medians = addresses.map((email) => median(timings.get(email)!));
    // Every answer waits for the floor; the medians differ by less than 60 ms (the floor is 300 ms).
    for (const values of timings.values()) for (const ms of values) expect(ms).toBeGreaterThanOrEqual(LINK_REQUEST_FLOOR_MS - 5);
    expect(Math.max(...medians) - Math.min(...medians)).toBeLessThan(60);
  });

  it('is refused with 403 naming email when the firm turns links off, and the links already sent stop working', async () => {
    const token = await linkFor();
    await saveSignInSettings(app.strapi, { magicLinks: false });
    try {
      const refused = await ask('greta@hafen.example').expect(403);
      expect(refused.body.error.details.errors[0].path).toEqual(['email']);
      const unknown = await ask('nobody@nowhere.example').expect(403);
      expect(unknown.body.error.message).toBe(refused.body.error.message);
      await redeem(token).expect(410);
      const options = await app.http().get('/api/clientia/sign-in/options').expect(200);
      expect(options.body.data.magicLinks).toBe(false);
    } finally {
      await saveSignInSettings(app.strapi, { magicLinks: true });
    }
  });

  it('names the field of a bad request', async () => {
    for (const body of [{}, { email: 'not-an-address' }, { email: 42 }, { email: 'a@b.example', extra: 1 }]) {
      const response = await api('/sign-in/links').send(body).expect(400);
      expect(response.body.error.details.errors[0].path).toEqual([Object.keys(body).includes('extra') ? 'extra' : 'email']);
    }
    for (const body of [{}, { token: 'short' }, { token: 42 }, { token: 'x'.repeat(43), more: true }]) {
      const response = await api('/sign-in/links/redeem').send(body).expect(400);
      expect(response.body.error.details.errors[0].path).toEqual([Object.keys(body).includes('more') ? 'more' : 'token']);
    }
    // Well-formed but unknown: the same 410 as a used link.
    await redeem('A'.repeat(43)).expect(410);
  });

  it('links to the configured portal whatever origin the request names, from any address', async () => {
    await pastTheMinute();
    clearOutbox(app.outboxDir);
    // Supertest calls from loopback, a trusted proxy: the header once decided the link's origin.
    await api('/sign-in/links').set('X-Clientia-Portal-Origin', 'https://evil.example').set('X-Forwarded-Host', 'evil.example').send({ email: 'greta@hafen.example' }).expect(200);
    const [mail] = await sent();
    expect(mail!.body).toMatch(LINK);
    expect(mail!.body).not.toContain('evil.example');
    for (const href of mail!.body.match(/https?:\/\/[^\s"'<>)]+/g) ?? []) expect(new URL(href).origin).not.toBe('https://evil.example');
  });
});
