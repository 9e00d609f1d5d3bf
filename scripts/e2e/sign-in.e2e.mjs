/**
 * Signing in beyond the password, end to end in Debian's Chromium against the product as
 * `npm start` runs it: an authenticator app set up on the account page and asked for after the
 * password (or a recovery code, once); a sign-in link from the email outbox, spent only by its
 * button; two-factor authentication required by the firm, with no portal page reachable between
 * the password and the code; a session ended from another browser, which makes a copied cookie
 * fail on its next request; and a passkey added and used with a virtual authenticator (CDP
 * WebAuthn). Everything but the passkeys runs with JavaScript off.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import * as OTPAuth from 'otpauth';

import { readEnvFile } from '../lib/env-file.mjs';
import { launchChromium, seriousViolations } from './lib/browser.mjs';
import { ctrlC, freePort, root, startProduct } from './lib/product.mjs';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clientia-sign-in-e2e-'));
const outbox = path.join(dataDir, 'outbox');
const [strapiPort, portalPort] = [await freePort(), await freePort()];
const strapiUrl = `http://127.0.0.1:${strapiPort}`;
// localhost, not 127.0.0.1: WebAuthn takes an IP address for no relying party, and PUBLIC_URL is this.
const portal = `http://localhost:${portalPort}`;
const PRODUCT = /clientia|strapi/i;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every page of the portal a contact reaches once signed in (none may open with the half-done sign-in cookie). */
const PORTAL_PAGES = [
  '/',
  '/contracts',
  '/invoices',
  '/invoices/payments',
  '/invoices/statement',
  '/retainers',
  '/licences',
  '/documents',
  '/projects',
  '/messages',
  '/messages/new',
  '/activity',
  '/account',
  '/account/recovery-codes',
];

/** @type {ReturnType<typeof startProduct>} */
let product;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {Record<string, string>} */
let secrets;

/** Each page checked by axe-core, with the serious problems found. */
const audited = /** @type {{ name: string, violations: string[] }[]} */ ([]);
/**
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
const audit = async (page, name) => {
  audited.push({ name, violations: await seriousViolations(browser, page.context(), page.url()) });
};

/** A browser with JavaScript off, as every flow but passkeys must work. */
const noScriptContext = () => browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });

/**
 * The password step, as a contact types it.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} email
 */
const submitPassword = async (context, email, password = secrets.DEMO_CONTACT_PASSWORD) => {
  const page = await context.newPage();
  await page.goto(`${portal}/sign-in`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('main form button[type=submit]');
  return page;
};

/** @param {import('playwright-core').Page} page */
const pathOf = (page) => new URL(page.url()).pathname;

/** @param {import('playwright-core').BrowserContext} context @param {string} name */
const cookieOf = async (context, name) => (await context.cookies()).find((cookie) => cookie.name === name);

/** A request carrying only the given cookies, not following redirects. */
const bare = (pathname, cookie, init = {}) => fetch(`${portal}${pathname}`, { redirect: 'manual', ...init, headers: { cookie, ...(init.headers ?? {}) } });

/** The authenticator app: the last time step it gave a code for, so no code is ever sent twice. */
const appSteps = new Map();
/**
 * The current code of the app set up from this otpauth URL; waits for the next 30-second step when
 * this one's code was already used (the API refuses a replayed code).
 * @param {string} otpauthUrl
 */
const appCode = async (otpauthUrl) => {
  const totp = /** @type {OTPAuth.TOTP} */ (OTPAuth.URI.parse(otpauthUrl));
  let step = Math.floor(Date.now() / 1000 / totp.period);
  const last = appSteps.get(otpauthUrl);
  if (last !== undefined && step <= last) {
    await sleep((last + 1) * totp.period * 1000 - Date.now() + 250);
    step = last + 1;
  }
  appSteps.set(otpauthUrl, step);
  return totp.generate({ timestamp: step * totp.period * 1000 + 500 });
};

/** Six digits that are certainly not the app's current code. */
const wrongCode = async (otpauthUrl) => {
  const totp = /** @type {OTPAuth.TOTP} */ (OTPAuth.URI.parse(otpauthUrl));
  const taken = new Set([-1, 0, 1].map((offset) => totp.generate({ timestamp: Date.now() + offset * totp.period * 1000 })));
  for (let n = 0; ; n += 1) {
    const candidate = String(100000 + n * 7919).slice(0, 6);
    if (!taken.has(candidate)) return candidate;
  }
};

/**
 * The setup on the page: the QR code drawn by the API, the key to type, and the otpauth URL.
 * @param {import('playwright-core').Page} page
 */
const readSetup = async (page) => {
  const qr = (await page.locator('img.qr').getAttribute('src')) ?? '';
  assert.match(qr, /^data:image\/svg\+xml;base64,/, 'the QR code is an SVG image');
  assert.match(Buffer.from(qr.split(',')[1] ?? '', 'base64').toString('utf8'), /<svg/);
  const secret = ((await page.locator('code.secret').textContent()) ?? '').replace(/\s+/g, '');
  const otpauthUrl = (await page.locator('a[href^="otpauth://"]').getAttribute('href')) ?? '';
  assert.ok(otpauthUrl, 'the page links the otpauth URL for an app on this device');
  assert.equal(/** @type {OTPAuth.TOTP} */ (OTPAuth.URI.parse(otpauthUrl)).secret.base32, secret, 'the key shown is the one in the QR code');
  return { secret, otpauthUrl };
};

/** @param {import('playwright-core').Page} page */
const readRecoveryCodes = async (page) => {
  assert.equal(pathOf(page), '/account/recovery-codes');
  const codes = (await page.locator('.recovery-codes code').allTextContents()).map((code) => code.trim());
  assert.ok(codes.length >= 8, `${codes.length} recovery codes are shown`);
  return codes;
};

/** The newest email to `to` whose text matches, from the outbox (quoted-printable undone). */
const mailMatching = async (to, pattern) => {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    if (attempt) await sleep(250);
    const files = existsSync(outbox) ? readdirSync(outbox).sort() : [];
    for (const name of files.reverse()) {
      const text = readFileSync(path.join(outbox, name), 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      if (!new RegExp(`^To: .*${to.replace(/[.@]/g, '\\$&')}`, 'm').test(text)) continue;
      const match = pattern.exec(text);
      if (match) return { text, match };
    }
  }
  return null;
};

/** @type {string | undefined} */
let staffToken;
const adminToken = async () => {
  if (staffToken) return staffToken;
  const response = await fetch(`${strapiUrl}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: secrets.DEMO_ADMIN_EMAIL, password: secrets.DEMO_ADMIN_PASSWORD }),
  });
  assert.equal(response.status, 200);
  staffToken = /** @type {{ data: { token: string } }} */ (await response.json()).data.token;
  return staffToken;
};

/** @param {string} name */
const clientNamed = async (name) => {
  const token = await adminToken();
  const clients = /** @type {{ data: { documentId: string, name: string }[] }} */ (
    await fetch(`${strapiUrl}/clientia/clients?pageSize=100`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json())
  );
  const client = clients.data.find((entry) => entry.name === name);
  assert.ok(client, `the demo has ${name}`);
  return client;
};

/** Staff turn "every contact of this client must use two-factor authentication" on or off. */
const requireTwoFactorFor = async (clientName, on) => {
  const client = await clientNamed(clientName);
  const response = await fetch(`${strapiUrl}/clientia/clients/${client.documentId}/sign-in`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${await adminToken()}`, 'content-type': 'application/json' },
    body: JSON.stringify({ requireTwoFactor: on }),
  });
  assert.equal(response.status, 200, await response.clone().text());
};

describe('signing in beyond the password', { concurrency: false }, () => {
  before(async () => {
    product = startProduct({
      strapiPort,
      portalPort,
      netLog: path.join(dataDir, 'outbound.log'),
      env: {
        DATABASE_FILENAME: path.join(dataDir, 'data.db'),
        SESSION_DIR: path.join(dataDir, 'sessions'),
        CLIENTIA_DOCUMENTS_DIR: path.join(dataDir, 'documents'),
        EMAIL_OUTBOX_DIR: outbox,
      },
    });
    await product.ready;
    secrets = readEnvFile(path.join(root, 'strapi', '.env'));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    if (product) await ctrlC(product);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the strict CSP: the one script is a file from the portal itself, nothing inline', async () => {
    const response = await fetch(`${portal}/sign-in`);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.ok(scripts.length >= 1, 'the sign-in page loads the passkey script');
    for (const [, attributes, body] of scripts) {
      assert.match(attributes, /\bsrc="\/_astro\/[^"]+\.js"/, 'every script is a file served by the portal');
      assert.equal(body.trim(), '', 'and has no inline code');
    }
    assert.match(html, /data-passkey-sign-in[^>]*hidden|hidden[^>]*data-passkey-sign-in/, 'the passkey button stays hidden without the script');
  });

  it('sends a contact only to a page of the portal after signing in, however `next` is spelled', async () => {
    // As typed into the address bar: the browser drops a tab or a newline, so `/%09/evil.example` would be `//evil.example`.
    const spellings = ['/%09/evil.example/phish', '/%0a/x', '/%0d%0a/evil.example', '//evil.example/phish', '/%5Cevil.example', 'https://evil.example/', '/invoices?state=overdue'];
    for (const next of spellings) {
      const context = await noScriptContext();
      try {
        const page = await context.newPage();
        const form = await page.goto(`${portal}/sign-in?next=${next}`);
        assert.ok(form && form.status() < 500, `${next}: the sign-in page answered ${form?.status()}`);
        await page.fill('#email', 'anna@northwind.example');
        await page.fill('#password', secrets.DEMO_CONTACT_PASSWORD);
        await page.click('main form button[type=submit]');
        await page.waitForLoadState('load');
        assert.equal(new URL(page.url()).origin, portal, `${next}: signed in, the contact is at ${page.url()}`);
        assert.equal(pathOf(page), next === '/invoices?state=overdue' ? '/invoices' : '/', next);
        // Signed in already, the sign-in page sends the contact on at once: to the same place.
        const again = await page.goto(`${portal}/sign-in?next=${next}`);
        assert.ok(again && again.status() < 500, `${next}: ${again?.status()}`);
        assert.equal(new URL(page.url()).origin, portal, `${next}: signed in, the contact is at ${page.url()}`);
      } finally {
        await context.close();
      }
    }
  });

  it('lets a contact turn on two-factor authentication, then asks for a code after the password (or a recovery code, once)', async () => {
    const email = 'lena@northwind.example';
    const context = await noScriptContext();
    const page = await submitPassword(context, email);
    assert.equal(pathOf(page), '/', 'without two-factor, the password is enough');

    await page.goto(`${portal}/account#two-factor`);
    await page.click('form:has(input[name=action][value=two-factor-start]) button[type=submit]');
    const setup = await readSetup(page);
    await audit(page, 'account-two-factor-setup');

    // A mistyped code shows the same QR code again: the app already holds that secret.
    await page.fill('#setup-code', await wrongCode(setup.otpauthUrl));
    await page.click('form:has(input[name=action][value=two-factor-confirm]) button[type=submit]');
    assert.equal(await page.locator('#setup-code').getAttribute('aria-invalid'), 'true');
    assert.ok(await page.locator('#setup-code-error').count(), 'the error is tied to the field');
    assert.equal((await readSetup(page)).secret, setup.secret, 'the same secret after a wrong code');

    await page.fill('#setup-code', await appCode(setup.otpauthUrl));
    await page.click('form:has(input[name=action][value=two-factor-confirm]) button[type=submit]');
    const recoveryCodes = await readRecoveryCodes(page);
    assert.equal(new Set(recoveryCodes).size, recoveryCodes.length, 'every recovery code is different');
    await page.click('main a.button');
    assert.equal(pathOf(page), '/account');
    assert.ok(await page.locator('form:has(input[name=action][value=two-factor-disable])').count(), 'two-factor is on and can be turned off');
    await page.goto(`${portal}/account/recovery-codes`);
    assert.equal(pathOf(page), '/account', 'the codes are shown only once');

    await page.click('form[action="/sign-out"] button[type=submit]');
    assert.equal(pathOf(page), '/sign-in');

    // The password alone now leads to the code step, with no session yet.
    const second = await submitPassword(context, email);
    assert.equal(pathOf(second), '/sign-in/code');
    assert.equal(await cookieOf(context, 'sid'), undefined, 'no session before the code');
    const pending = await cookieOf(context, 'pending');
    assert.ok(pending?.httpOnly, 'the half-done sign-in is an HttpOnly cookie');
    assert.equal(pending.sameSite, 'Lax');
    const codeInput = second.locator('#code');
    assert.equal(await codeInput.getAttribute('autocomplete'), 'one-time-code');
    assert.equal(await codeInput.getAttribute('inputmode'), 'numeric');
    assert.equal(await second.locator('label[for=code]').count(), 1);
    await audit(second, 'sign-in-code');

    await second.fill('#code', await wrongCode(setup.otpauthUrl));
    const refused = await Promise.all([second.waitForResponse((r) => r.url().includes('/sign-in/code')), second.click('main form button[type=submit]')]);
    assert.equal(refused[0].status(), 401);
    assert.equal(await codeInput.getAttribute('aria-invalid'), 'true');
    assert.match((await second.locator('#code-error').textContent()) ?? '', /not correct/);
    await second.fill('#code', await appCode(setup.otpauthUrl));
    await second.click('main form button[type=submit]');
    assert.equal(pathOf(second), '/', 'the right code opens the portal');
    assert.equal(await cookieOf(context, 'pending'), undefined, 'the half-done sign-in is gone');
    await second.goto(`${portal}/account#sessions`);
    assert.ok(await second.locator('#sessions li').first().getByText(/authenticator|Authenticator/).count(), 'the session says it used the app');
    await second.click('form[action="/sign-out"] button[type=submit]');

    // A recovery code instead of the app, accepted once.
    const third = await submitPassword(context, email);
    await third.click('a[href="/sign-in/code?with=recovery"]');
    assert.equal(await third.locator('#recoveryCode').count(), 1);
    await audit(third, 'sign-in-recovery-code');
    await third.fill('#recoveryCode', recoveryCodes[0]);
    await third.click('main form button[type=submit]');
    assert.equal(pathOf(third), '/', 'a recovery code signs in');
    await third.click('form[action="/sign-out"] button[type=submit]');

    const fourth = await submitPassword(context, email);
    await fourth.goto(`${portal}/sign-in/code?with=recovery`);
    await fourth.fill('#recoveryCode', recoveryCodes[0]);
    await fourth.click('main form button[type=submit]');
    assert.equal(pathOf(fourth), '/sign-in/code', 'a used recovery code is refused');
    assert.equal(await fourth.locator('#recoveryCode').getAttribute('aria-invalid'), 'true');
    await context.close();
  });

  it('signs a contact in with an emailed link, once, and only when its button is pressed', async () => {
    const email = 'jonas@northwind.example';
    const context = await noScriptContext();
    const page = await context.newPage();
    await page.goto(`${portal}/sign-in`);
    await page.click('a[href="/sign-in/link"]');
    await audit(page, 'sign-in-link-request');
    await page.fill('#email', email);
    await page.click('main form button[type=submit]');
    const known = ((await page.locator('main [role=status]').textContent()) ?? '').replace(email, '<address>');

    // An address without an account reads exactly the same.
    await page.goto(`${portal}/sign-in/link`);
    await page.fill('#email', 'nobody@nowhere.example');
    await page.click('main form button[type=submit]');
    const unknown = ((await page.locator('main [role=status]').textContent()) ?? '').replace('nobody@nowhere.example', '<address>');
    assert.equal(unknown, known, 'the answer never tells whether the address has an account');

    const mail = await mailMatching(email, /https?:\/\/[^\s"<]+\/sign-in\/link\?token=[A-Za-z0-9_-]+/);
    assert.ok(mail, 'the link email reached the outbox');
    assert.doesNotMatch(mail.text, PRODUCT, 'the email never names the product');
    const link = new URL(mail.match[0]);
    const linkPath = `${link.pathname}${link.search}`;

    // Mail scanners open links: opening it (twice) signs nobody in and spends nothing.
    for (let i = 0; i < 2; i += 1) {
      const opened = await page.goto(`${portal}${linkPath}`);
      assert.equal(opened?.status(), 200);
      assert.equal(await cookieOf(context, 'sid'), undefined, 'opening the link opens no session');
    }
    await audit(page, 'sign-in-link-redeem');
    await page.click('main form button[type=submit]');
    assert.equal(pathOf(page), '/', 'the button signs the contact in');
    await page.goto(`${portal}/account#sessions`);
    assert.ok(await page.locator('#sessions li').first().getByText(/link|Link/).count(), 'the session says it came from a link');

    // The link works once, in any browser.
    const elsewhere = await noScriptContext();
    const again = await elsewhere.newPage();
    await again.goto(`${portal}${linkPath}`);
    const [spent] = await Promise.all([again.waitForResponse((r) => r.request().method() === 'POST'), again.click('main form button[type=submit]')]);
    assert.equal(spent.status(), 410, 'a used link is gone');
    assert.equal(pathOf(again), '/sign-in/link');
    assert.ok(await again.locator('[role=alert]').count());
    assert.equal(await cookieOf(elsewhere, 'sid'), undefined);
    await audit(again, 'sign-in-link-used');
    await elsewhere.close();
    await context.close();
  });

  it('asks for two-factor authentication where the firm requires it, and opens no page between the password and the code', async () => {
    // Olivia signed in with her password alone before the firm's rule.
    const before = await noScriptContext();
    const earlier = await submitPassword(before, 'olivia@calderfinch.example');
    assert.equal(pathOf(earlier), '/');

    await requireTwoFactorFor('Calder & Finch LLP', true);
    try {
      await earlier.goto(`${portal}/invoices`);
      assert.equal(pathOf(earlier), '/sign-in', 'a session without the second factor ends with the rule');
      assert.equal(new URL(earlier.url()).searchParams.get('notice'), 'two-factor');
      assert.match((await earlier.locator('main [role=status]').textContent()) ?? '', /two-factor/i, 'and says why');
      await before.close();

      const context = await noScriptContext();
      const page = await submitPassword(context, 'tom@calderfinch.example');
      assert.equal(pathOf(page), '/sign-in/enrol', 'the password leads to setting up an app');
      assert.equal(await cookieOf(context, 'sid'), undefined);
      const pending = await cookieOf(context, 'pending');
      assert.ok(pending, 'only the half-done sign-in cookie');

      for (const pathname of PORTAL_PAGES) {
        const response = await bare(pathname, `pending=${pending.value}`);
        assert.equal(response.status, 303, `${pathname} is not reachable between the password and the code`);
        assert.match(response.headers.get('location') ?? '', /^\/sign-in(\?|$)/, `${pathname} sends to sign-in`);
      }
      const json = await bare('/account/passkeys/options', `pending=${pending.value}`, {
        method: 'POST',
        headers: { origin: portal, 'content-type': 'application/json' },
        body: '{}',
      });
      assert.equal(json.status, 401, 'nor any signed-in endpoint');
      // Posting to the code step is the only way on; the API's challenge never reaches the browser.
      assert.doesNotMatch(await page.content(), new RegExp(pending.value));

      const setup = await readSetup(page);
      await audit(page, 'sign-in-enrol');
      await page.fill('#setup-code', await appCode(setup.otpauthUrl));
      await page.click('form:has(input[name=action][value=confirm]) button[type=submit]');
      await readRecoveryCodes(page);
      await page.click('main a.button');
      assert.equal(pathOf(page), '/', 'set up, signed in');
      assert.equal(await cookieOf(context, 'pending'), undefined);

      await page.goto(`${portal}/account#two-factor`);
      assert.equal(await page.locator('form:has(input[name=action][value=two-factor-disable])').count(), 0, 'required: no way to turn it off');
      assert.ok(await page.locator('#two-factor .notice').count(), 'the page says the firm requires it');
      await context.close();
    } finally {
      await requireTwoFactorFor('Calder & Finch LLP', false);
    }
  });

  it('ends a session from another browser: the copied cookie fails on its next request', async () => {
    const email = 'maya@bluebird.example';
    const laptop = await noScriptContext();
    await submitPassword(laptop, email);
    const copied = await cookieOf(laptop, 'sid');
    assert.ok(copied);
    assert.equal((await bare('/', `sid=${copied.value}`)).status, 200, 'the cookie works before');

    const phone = await noScriptContext();
    const page = await submitPassword(phone, email);
    await page.goto(`${portal}/account#sessions`);
    await audit(page, 'account-sessions');
    const endForms = page.locator('#sessions form:has(input[name=action][value=session-end])');
    assert.equal(await endForms.count(), 1, 'one other session to end');
    await endForms.first().locator('button[type=submit]').click();
    assert.equal(pathOf(page), '/account', 'this device stays signed in');
    assert.equal(await page.locator('#sessions form:has(input[name=action][value=session-end])').count(), 0, 'the ended session is gone from the list');

    const replay = await bare('/', `sid=${copied.value}`);
    assert.equal(replay.status, 303, 'the copied cookie opens nothing any more');
    assert.match(replay.headers.get('location') ?? '', /^\/sign-in/);

    // "End all other sessions" ends the rest; "sign out everywhere" ends this one too.
    const tablet = await noScriptContext();
    await submitPassword(tablet, email);
    const tabletCookie = await cookieOf(tablet, 'sid');
    // Loaded afresh (a fragment-only change would not reload the page).
    await page.goto(`${portal}/account`);
    await page.click('form:has(input[name=action][value=sessions-end-others]) button[type=submit]');
    assert.equal((await bare('/', `sid=${tabletCookie?.value}`)).status, 303, 'the other session ended');
    const phoneCookie = await cookieOf(phone, 'sid');
    assert.equal((await bare('/', `sid=${phoneCookie?.value}`)).status, 200, 'this one goes on');
    await page.click('form:has(input[name=action][value=sign-out-everywhere]) button[type=submit]');
    assert.equal(pathOf(page), '/sign-in');
    assert.equal((await bare('/', `sid=${phoneCookie?.value}`)).status, 303);
    for (const context of [laptop, phone, tablet]) await context.close();
  });

  it('adds a passkey on the account page and signs in with it (Chromium, virtual authenticator)', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const cspViolations = /** @type {string[]} */ ([]);
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(message.text());
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
    });

    await page.goto(`${portal}/sign-in`);
    await page.fill('#email', 'sam@rivera-consulting.example');
    await page.fill('#password', secrets.DEMO_CONTACT_PASSWORD);
    await page.click('main form button[type=submit]');
    assert.equal(pathOf(page), '/');

    await page.goto(`${portal}/account#passkeys`);
    const addForm = page.locator('form[data-passkey-add]');
    await addForm.waitFor({ state: 'visible' });
    assert.equal(await page.locator('[data-passkey-unsupported]').isVisible(), false, 'the no-script hint goes once the script runs');
    await page.fill('#new-passkey-name', 'Test laptop');
    await Promise.all([page.waitForURL((url) => url.pathname === '/account' && url.search.includes('passkey=added')), addForm.locator('button[type=submit]').click()]);
    await page.locator('#passkeys li', { hasText: 'Test laptop' }).waitFor();
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    assert.equal(credentials.length, 1, 'the authenticator holds the new passkey');
    assert.ok(credentials[0].isResidentCredential, 'a discoverable credential: no email needed to sign in');

    await page.click('form[action="/sign-out"] button[type=submit]');
    assert.equal(pathOf(page), '/sign-in');
    const passkeyButton = page.locator('[data-passkey-sign-in] button');
    await passkeyButton.waitFor({ state: 'visible' });
    await Promise.all([page.waitForURL(`${portal}/`), passkeyButton.click()]);
    assert.ok(await cookieOf(context, 'sid'), 'the passkey opened a session');
    await page.goto(`${portal}/account#sessions`);
    assert.ok(await page.locator('#sessions li').first().getByText(/Passkey/).count(), 'the session says it used a passkey');
    assert.ok(await page.locator('#passkeys li', { hasText: 'Test laptop' }).locator('dd').nth(1).textContent(), 'its last use is shown');

    // Renaming and removing are plain forms.
    const item = page.locator('#passkeys li', { hasText: 'Test laptop' });
    await item.locator('summary').click();
    await item.locator('input[name=name]').fill('Office laptop');
    await item.locator('form:has(input[name=action][value=passkey-rename]) button[type=submit]').click();
    const renamed = page.locator('#passkeys li', { hasText: 'Office laptop' });
    assert.equal(await renamed.count(), 1, 'renamed');
    await renamed.locator('form:has(input[name=action][value=passkey-remove]) button[type=submit]').click();
    assert.equal(await page.locator('#passkeys li', { hasText: 'Office laptop' }).count(), 0, 'removed');

    // A removed passkey signs nobody in.
    await page.click('form[action="/sign-out"] button[type=submit]');
    await passkeyButton.waitFor({ state: 'visible' });
    await passkeyButton.click();
    await page.locator('[data-passkey-message]').filter({ hasText: /./ }).waitFor();
    assert.equal(pathOf(page), '/sign-in');
    assert.equal(await cookieOf(context, 'sid'), undefined);
    assert.deepEqual(cspViolations, [], 'the script runs under the strict CSP');
    await context.close();
  });

  it('finds no serious or critical accessibility violation on the sign-in pages', () => {
    assert.ok(audited.length >= 8, `${audited.length} pages audited`);
    assert.deepEqual(
      audited.filter((entry) => entry.violations.length).map((entry) => `${entry.name}: ${entry.violations.join('; ')}`),
      [],
      'axe-core found serious or critical violations'
    );
  });

  it('connects to nothing outside this machine', () => {
    let attempts = '';
    try {
      attempts = readFileSync(path.join(dataDir, 'outbound.log'), 'utf8').trim();
    } catch {
      attempts = '';
    }
    assert.equal(attempts, '', `outbound connections were attempted:\n${attempts}`);
  });
});
