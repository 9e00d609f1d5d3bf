import { Secret, TOTP } from 'otpauth';

import { saveSignInSettings } from '../../src/sign-in/settings';
import { moreFixtures } from '../helpers/admin-api';
import { fixtures } from '../helpers/fixtures';
import { clearOutbox, deliverQueued, readOutbox } from '../helpers/outbox';
import { portalUser, startTestApp, type TestApp } from '../helpers/test-app';

const ORIGIN = 'https://portal.quay.example';
const TWO_FACTORS = 'plugin::clientia.two-factor';
const CHALLENGES = 'plugin::clientia.sign-in-challenge';
const RECOVERY_CODE = /^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/;

/** The code an authenticator app shows, computed here with otpauth as any app would. */
const codeFor = (secret: string, timestamp = Date.now()) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp });

describe('two-factor authentication: authenticator codes and recovery codes', () => {
  let app: TestApp;
  let greta: Awaited<ReturnType<typeof portalUser>>;
  let tom: Awaited<ReturnType<typeof portalUser>>;
  let harbour: { id: number; documentId: string };
  let gretaSecret: string;
  let gretaJwt: string;
  let recoveryCodes: string[];

  const api = (method: 'get' | 'post', path: string, jwt?: string) => {
    const call = app.http()[method](`/api/clientia${path}`);
    return jwt ? call.set('Authorization', `Bearer ${jwt}`) : call;
  };
  const password = (email: string, secret: string) => api('post', '/sign-in/password').send({ email, password: secret }).expect(200);
  const secondFactor = (body: Record<string, unknown>) => api('post', '/sign-in/second-factor').send(body);
  const challengeFor = async (contact: Awaited<ReturnType<typeof portalUser>>) => {
    const step = (await password(String((contact.user as { email?: unknown }).email), contact.password)).body.data;
    expect(step.status).toBe('second-factor');
    return step.challenge as string;
  };
  const twoFactorRow = (userId: number) =>
    app.strapi.db.query(TWO_FACTORS).findOne({ where: { user: { id: userId } } }) as Promise<Record<string, unknown> & { id: number }>;
  /**
   * A code the server has not seen yet. Each step's code works once; a test that needs another
   * success than the last turns the clock of the stored row back rather than waiting 30 seconds.
   */
  const freshCode = async (userId: number, secret: string) => {
    await app.strapi.db.query(TWO_FACTORS).update({ where: { id: (await twoFactorRow(userId)).id }, data: { lastUsedStep: null, failedAttempts: 0, lockedUntil: null } });
    return codeFor(secret);
  };
  const activity = (verb: string, userDocumentId: string) =>
    app.strapi.db.query('plugin::clientia.activity').findMany({ where: { verb, subjectId: userDocumentId }, orderBy: { id: 'desc' } }) as Promise<
      { changes: Record<string, unknown>; visibleToClient: boolean }[]
    >;
  const fieldOf = (body: { error?: { details?: { errors?: { path: string[] }[] } } }) => body.error?.details?.errors?.[0]?.path;

  beforeAll(async () => {
    app = await startTestApp({ env: { PORTAL_URL: ORIGIN } });
    await app.strapi.documents('plugin::clientia.branding').create({ data: { firmName: 'Quay & Co' } as never });
    const f = fixtures(app);
    harbour = (await f.client({ name: 'Hafenbetrieb' })) as unknown as { id: number; documentId: string };
    const strict = await f.client({ name: 'Strict Ltd', requireTwoFactor: true });
    greta = await portalUser(app, 'greta@hafen.example');
    tom = await portalUser(app, 'tom@strict.example');
    await moreFixtures(app).membership(harbour, Number(greta.user.id), { role: 'owner', name: 'Greta Hafen' });
    await moreFixtures(app).membership(strict, Number(tom.user.id), { role: 'member', name: 'Tom Strict' });
  });
  afterAll(async () => app?.stop());

  it('sets up an app from the account page: secret and QR code shown once, confirmed by a first code', async () => {
    const signedIn = (await password('greta@hafen.example', greta.password)).body.data;
    expect(signedIn).toMatchObject({ status: 'signed-in', session: { method: 'password', secondFactor: 'none' } });
    gretaJwt = signedIn.jwt;

    const setup = await api('post', '/security/two-factor', gretaJwt).send({}).expect(200);
    expect(setup.headers['cache-control']).toBe('private, no-store');
    const { secret, otpauthUrl, qrSvg } = setup.body.data;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const url = new URL(otpauthUrl);
    expect(url.protocol).toBe('otpauth:');
    expect(url.searchParams.get('issuer')).toBe('Quay & Co');
    expect(decodeURIComponent(url.pathname)).toContain('greta@hafen.example');
    expect(url.searchParams.get('algorithm')).toBe('SHA1');
    expect(url.searchParams.get('digits')).toBe('6');
    expect(url.searchParams.get('period')).toBe('30');
    expect(qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(qrSvg).not.toMatch(/<script/i);

    // Not on yet: a sign-in still needs no code, and the overview says so.
    expect((await api('get', '/security', gretaJwt).expect(200)).body.data.twoFactor.enabled).toBe(false);

    // Asking again replaces the unconfirmed secret.
    const again = (await api('post', '/security/two-factor', gretaJwt).send({}).expect(200)).body.data;
    expect(again.secret).not.toBe(secret);
    gretaSecret = again.secret;

    const wrong = await api('post', '/security/two-factor/confirm', gretaJwt).send({ code: codeFor(secret) === codeFor(gretaSecret) ? '000000' : codeFor(secret) }).expect(400);
    expect(fieldOf(wrong.body)).toEqual(['code']);
    await api('post', '/security/two-factor/confirm', gretaJwt).send({ code: 'abc' }).expect(400);

    const confirmed = await api('post', '/security/two-factor/confirm', gretaJwt).send({ code: codeFor(gretaSecret) }).expect(200);
    recoveryCodes = confirmed.body.data.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(RECOVERY_CODE);
    expect(new Set(recoveryCodes).size).toBe(10);

    // The session that confirmed keeps working; the overview counts the codes.
    const overview = (await api('get', '/security', gretaJwt).expect(200)).body.data.twoFactor;
    expect(overview).toMatchObject({ enabled: true, requiredBy: null, recoveryCodesLeft: 10 });
    // Setting it up again is refused while it is on.
    await api('post', '/security/two-factor', gretaJwt).send({}).expect(409);

    // Stored sealed and hashed: neither the secret nor a recovery code is in the row.
    const row = await twoFactorRow(Number(greta.user.id));
    expect(String(row.secret)).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(gretaSecret);
    for (const code of recoveryCodes) expect(JSON.stringify(row)).not.toContain(code.replace('-', ''));

    const [enabled] = await activity('two-factor-enabled', String(greta.user.documentId));
    expect(enabled).toMatchObject({ visibleToClient: false });
  });

  it('a token from before, without a code, no longer reaches the portal', async () => {
    const refused = await api('get', '/me', greta.jwt).expect(403);
    expect(refused.body.error.details).toMatchObject({ reason: 'two-factor-required' });
  });

  it('signs in with the password, then a code from the app, and the token works', async () => {
    const challenge = await challengeFor(greta);
    // No token before the code: the challenge is not one.
    await api('get', '/me', challenge).expect(401);
    const code = await freshCode(Number(greta.user.id), gretaSecret);
    const signedIn = await secondFactor({ challenge, code }).expect(200);
    expect(signedIn.body.data).toMatchObject({ status: 'signed-in', session: { method: 'password', secondFactor: 'totp' } });
    await api('get', '/me', signedIn.body.data.jwt).expect(200);
    // The challenge is spent.
    await secondFactor({ challenge, code: codeFor(gretaSecret, Date.now() + 30_000) }).expect(410);

    const [entry] = await activity('signed-in', String(greta.user.documentId));
    expect(entry!.changes).toMatchObject({ method: 'password', secondFactor: 'totp' });
  });

  it('refuses a code the second time, and of two requests with one code only one gets in', async () => {
    const code = await freshCode(Number(greta.user.id), gretaSecret);
    await secondFactor({ challenge: await challengeFor(greta), code }).expect(200);
    const replayed = await secondFactor({ challenge: await challengeFor(greta), code }).expect(401);
    expect(fieldOf(replayed.body)).toEqual(['code']);
    const [failure] = await activity('sign-in-failed', String(greta.user.documentId));
    expect(failure!.changes).toMatchObject({ method: 'password', secondFactor: 'totp', reason: 'code-replayed' });

    // An older step than the last accepted one is a replay too.
    await secondFactor({ challenge: await challengeFor(greta), code: codeFor(gretaSecret, Date.now() - 30_000) }).expect(401);

    const raced = await freshCode(Number(greta.user.id), gretaSecret);
    const [first, second] = [await challengeFor(greta), await challengeFor(greta)];
    const both = await Promise.all([secondFactor({ challenge: first, code: raced }), secondFactor({ challenge: second, code: raced })]);
    expect(both.map((response) => response.status).sort()).toEqual([200, 401]);
  });

  it('locks the codes for 15 minutes after five wrong ones, the right one included', async () => {
    const right = await freshCode(Number(greta.user.id), gretaSecret);
    const wrongCode = right === '000000' ? '111111' : '000000';
    const challenge = await challengeFor(greta);
    for (let i = 0; i < 5; i += 1) {
      const wrong = await secondFactor({ challenge, code: wrongCode }).expect(401);
      expect(fieldOf(wrong.body)).toEqual(['code']);
      expect(wrong.body.error.message).toMatch(/not right/);
    }
    const locked = await secondFactor({ challenge, code: right }).expect(429);
    expect(fieldOf(locked.body)).toEqual(['code']);
    expect(locked.body.error.message).toMatch(/Try again in 15 minutes/);
    // A recovery code is refused during the lock too, and is not spent by it.
    const lockedRecovery = await secondFactor({ challenge, recoveryCode: recoveryCodes[9] }).expect(429);
    expect(fieldOf(lockedRecovery.body)).toEqual(['recoveryCode']);
    const row = await twoFactorRow(Number(greta.user.id));
    expect(new Date(String(row.lockedUntil)).getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    const failures = await activity('sign-in-failed', String(greta.user.documentId));
    expect(failures.slice(0, 7).map((entry) => entry.changes.reason)).toEqual([
      'codes-locked',
      'codes-locked',
      'wrong-code',
      'wrong-code',
      'wrong-code',
      'wrong-code',
      'wrong-code',
    ]);

    // Fifteen minutes later (the stored lock moved into the past), the right code works on the same challenge.
    await app.strapi.db.query(TWO_FACTORS).update({ where: { id: row.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    await secondFactor({ challenge, code: right }).expect(200);
  });

  it('takes a recovery code once, in any case and with or without its hyphen', async () => {
    const [first, second] = recoveryCodes as [string, string];
    const signedIn = await secondFactor({ challenge: await challengeFor(greta), recoveryCode: first }).expect(200);
    expect(signedIn.body.data.session).toMatchObject({ method: 'password', secondFactor: 'recovery-code' });
    const reused = await secondFactor({ challenge: await challengeFor(greta), recoveryCode: first }).expect(401);
    expect(fieldOf(reused.body)).toEqual(['recoveryCode']);

    await secondFactor({ challenge: await challengeFor(greta), recoveryCode: ` ${second.replace('-', '').toUpperCase()} ` }).expect(200);
    expect((await api('get', '/security', signedIn.body.data.jwt).expect(200)).body.data.twoFactor.recoveryCodesLeft).toBe(8);

    // Two requests with one code: one of them.
    const third = recoveryCodes[2]!;
    const [a, b] = [await challengeFor(greta), await challengeFor(greta)];
    const both = await Promise.all([secondFactor({ challenge: a, recoveryCode: third }), secondFactor({ challenge: b, recoveryCode: third })]);
    expect(both.map((response) => response.status).sort()).toEqual([200, 401]);
    const [entry] = await activity('signed-in', String(greta.user.documentId));
    expect(entry!.changes).toMatchObject({ secondFactor: 'recovery-code' });
  });

  it('renews the recovery codes for a current code; the old ones stop working', async () => {
    const renewed = await api('post', '/security/recovery-codes', gretaJwt).send({ code: await freshCode(Number(greta.user.id), gretaSecret) }).expect(200);
    const fresh: string[] = renewed.body.data.recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh.some((code) => recoveryCodes.includes(code))).toBe(false);
    await secondFactor({ challenge: await challengeFor(greta), recoveryCode: recoveryCodes[5] }).expect(401);
    await secondFactor({ challenge: await challengeFor(greta), recoveryCode: fresh[0] }).expect(200);
    const wrong = await api('post', '/security/recovery-codes', gretaJwt).send({ code: '000000' === codeFor(gretaSecret) ? '111111' : '000000' }).expect(400);
    expect(fieldOf(wrong.body)).toEqual(['code']);
    expect(await activity('recovery-codes-renewed', String(greta.user.documentId))).toHaveLength(1);
    recoveryCodes = fresh;
  });

  it('asks for the code after a sign-in link too', async () => {
    clearOutbox(app.outboxDir);
    await api('post', '/sign-in/links').send({ email: 'greta@hafen.example' }).expect(200);
    await deliverQueued(app.strapi);
    const token = /sign-in\/link\?token=([A-Za-z0-9_-]{43})/.exec(readOutbox(app.outboxDir).pop()!.body)![1]!;
    const step = (await api('post', '/sign-in/links/redeem').send({ token }).expect(200)).body.data;
    expect(step.status).toBe('second-factor');
    expect(step.jwt).toBeUndefined();
    const signedIn = await secondFactor({ challenge: step.challenge, code: await freshCode(Number(greta.user.id), gretaSecret) }).expect(200);
    expect(signedIn.body.data.session).toMatchObject({ method: 'link', secondFactor: 'totp' });
  });

  it('refuses an expired challenge, a challenge of another kind, and names the field of bad input', async () => {
    const challenge = await challengeFor(greta);
    await secondFactor({ challenge, code: '12345' }).expect(400);
    expect(fieldOf((await secondFactor({ challenge }).expect(400)).body)).toEqual(['code']);
    expect(fieldOf((await secondFactor({ challenge, code: '123456', recoveryCode: 'k7m2-q9xp' }).expect(400)).body)).toEqual(['recoveryCode']);
    expect(fieldOf((await secondFactor({ challenge, recoveryCode: 'not a code!' }).expect(400)).body)).toEqual(['recoveryCode']);
    expect(fieldOf((await secondFactor({ code: '123456' }).expect(400)).body)).toEqual(['challenge']);
    expect(fieldOf((await secondFactor({ challenge, code: '123456', remember: true }).expect(400)).body)).toEqual(['remember']);
    // A well-formed challenge nobody issued, and one for setting up an app, are both gone.
    await secondFactor({ challenge: 'A'.repeat(43), code: '123456' }).expect(410);
    await api('post', '/sign-in/enrolment').send({ challenge }).expect(410);

    await app.strapi.db.query(CHALLENGES).updateMany({ where: { consumedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await secondFactor({ challenge, code: await freshCode(Number(greta.user.id), gretaSecret) }).expect(410);
    expect(expired.body.error.message).toMatch(/sign in again/);
  });

  it('leads a contact the firm requires it of through setting up an app before any page', async () => {
    const step = (await password('tom@strict.example', tom.password)).body.data;
    expect(step).toMatchObject({ status: 'enrol-two-factor', challenge: expect.any(String), expiresAt: expect.any(String) });
    expect(step.jwt).toBeUndefined();
    // A session that proved no second factor reaches nothing, not even setting up from the account page.
    const refused = await api('get', '/me', tom.jwt).expect(403);
    expect(refused.body.error.details).toMatchObject({ reason: 'two-factor-required' });
    await api('post', '/security/two-factor', tom.jwt).send({}).expect(403);
    // The enrolment challenge is no second-factor challenge.
    await secondFactor({ challenge: step.challenge, code: '123456' }).expect(410);

    const enrolment = (await api('post', '/sign-in/enrolment').send({ challenge: step.challenge }).expect(200)).body.data;
    expect(new URL(enrolment.otpauthUrl).searchParams.get('issuer')).toBe('Quay & Co');
    const wrong = await api('post', '/sign-in/enrolment/confirm').send({ challenge: step.challenge, code: codeFor(enrolment.secret) === '000000' ? '111111' : '000000' }).expect(401);
    expect(fieldOf(wrong.body)).toEqual(['code']);

    const done = await api('post', '/sign-in/enrolment/confirm').send({ challenge: step.challenge, code: codeFor(enrolment.secret) }).expect(200);
    expect(done.body.data).toMatchObject({ status: 'signed-in', session: { method: 'password', secondFactor: 'totp' } });
    expect(done.body.data.recoveryCodes).toHaveLength(10);
    await api('get', '/me', done.body.data.jwt).expect(200);
    const overview = (await api('get', '/security', done.body.data.jwt).expect(200)).body.data.twoFactor;
    expect(overview).toMatchObject({ enabled: true, requiredBy: 'client' });
    // Spent.
    await api('post', '/sign-in/enrolment/confirm').send({ challenge: step.challenge, code: codeFor(enrolment.secret, Date.now() + 30_000) }).expect(410);
    // From now on a sign-in asks for a code.
    expect((await password('tom@strict.example', tom.password)).body.data.status).toBe('second-factor');

    // Required: turning it off is refused, whatever the code.
    const tomSecret = enrolment.secret as string;
    const kept = await api('post', '/security/two-factor/disable', done.body.data.jwt).send({ code: await freshCode(Number(tom.user.id), tomSecret) }).expect(409);
    expect(fieldOf(kept.body)).toEqual(['code']);
    expect(kept.body.error.message).toMatch(/requires two-factor authentication/);
  });

  it('turns off only when nobody requires it, with a current code', async () => {
    await saveSignInSettings(app.strapi, { requireTwoFactor: true });
    try {
      const refused = await api('post', '/security/two-factor/disable', gretaJwt).send({ code: await freshCode(Number(greta.user.id), gretaSecret) }).expect(409);
      expect(fieldOf(refused.body)).toEqual(['code']);
      expect(refused.body.error.message).toMatch(/client portal/);
    } finally {
      await saveSignInSettings(app.strapi, { requireTwoFactor: false });
    }
    await app.strapi.db.query('plugin::clientia.client').update({ where: { id: harbour.id }, data: { requireTwoFactor: true } });
    try {
      await api('post', '/security/two-factor/disable', gretaJwt).send({ code: await freshCode(Number(greta.user.id), gretaSecret) }).expect(409);
    } finally {
      await app.strapi.db.query('plugin::clientia.client').update({ where: { id: harbour.id }, data: { requireTwoFactor: false } });
    }

    const wrong = await api('post', '/security/two-factor/disable', gretaJwt).send({ code: '000000' === codeFor(gretaSecret) ? '111111' : '000000' }).expect(400);
    expect(fieldOf(wrong.body)).toEqual(['code']);
    await api('post', '/security/two-factor/disable', gretaJwt).send({ code: await freshCode(Number(greta.user.id), gretaSecret) }).expect(200);
    expect(await app.strapi.db.query(TWO_FACTORS).count({ where: { user: { id: greta.user.id } } })).toBe(0);
    expect(await activity('two-factor-disabled', String(greta.user.documentId))).toHaveLength(1);

    // A sign-in needs no code again; turning off twice is refused.
    expect((await password('greta@hafen.example', greta.password)).body.data.status).toBe('signed-in');
    await api('post', '/security/two-factor/disable', gretaJwt).send({ code: '123456' }).expect(409);
    await api('post', '/security/recovery-codes', gretaJwt).send({ code: '123456' }).expect(409);
  });
});
