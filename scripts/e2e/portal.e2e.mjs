/**
 * The client portal end to end, in Debian's Chromium with JavaScript off, against the product as
 * `npm start` runs it (real Strapi, demo data, the built portal): sign in, every page (checked by
 * axe-core and photographed at desktop and phone width), an invoice PDF, a document uploaded and
 * downloaded again, a seat assigned, a message posted, the client switcher, sign out and the old
 * cookie refused; then the firm changes its brand and the portal follows.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { readEnvFile } from '../lib/env-file.mjs';
import { launchChromium, screenshots, seriousViolations } from './lib/browser.mjs';
import { ctrlC, freePort, root, startProduct } from './lib/product.mjs';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clientia-portal-e2e-'));
const shotsDir = path.join(root, 'test-results', 'portal-screenshots');
const [strapiPort, portalPort] = [await freePort(), await freePort()];
const strapiUrl = `http://127.0.0.1:${strapiPort}`;
const portal = `http://localhost:${portalPort}`;
/** The product's own name, which a client must never see. */
const PRODUCT = /clientia|strapi/i;

/** @type {ReturnType<typeof startProduct>} */
let product;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {Record<string, string>} */
let secrets;

/** Each page visited, with the serious accessibility problems axe found on it. */
const audited = /** @type {{ name: string, url: string, violations: string[] }[]} */ ([]);

/**
 * A contact's browser with JavaScript off: every flow must work without it.
 * @param {string} email
 */
const signIn = async (email, password = secrets.DEMO_CONTACT_PASSWORD) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${portal}/sign-in`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  assert.equal(new URL(page.url()).pathname, '/', `${email} lands on the overview`);
  return { context, page };
};

/**
 * Opens a page, checks it is in the firm's brand and free of the product's name, runs axe-core and
 * takes its screenshots.
 * @param {import('playwright-core').Page} page
 * @param {string} pathname
 * @param {string} name
 */
const visit = async (page, pathname, name, expectedStatus = 200) => {
  const response = await page.goto(`${portal}${pathname}`);
  assert.equal(response?.status(), expectedStatus, `${pathname} answers ${expectedStatus}`);
  const html = await page.content();
  assert.doesNotMatch(html, PRODUCT, `${pathname} never names the product`);
  for (const [header, value] of Object.entries(response?.headers() ?? {})) {
    assert.doesNotMatch(`${header}: ${value}`, PRODUCT, `${pathname} sends no header naming the product`);
  }
  assert.equal(await page.locator('h1').count(), 1, `${pathname} has exactly one h1`);
  assert.ok(await page.locator('a.skip-link[href="#main"]').count(), `${pathname} has a skip link`);
  const url = page.url();
  audited.push({ name, url, violations: await seriousViolations(browser, page.context(), url) });
  await screenshots(browser, page.context(), url, shotsDir, name);
  return html;
};

/**
 * The first link on the page whose path matches, e.g. the first invoice in the list.
 * @param {import('playwright-core').Page} page
 * @param {RegExp} pattern
 */
const firstLink = async (page, pattern) => {
  // Attribute reads only: page scripts (evaluate) do not run with JavaScript off.
  const links = page.locator('main a[href]');
  const count = await links.count();
  for (let i = 0; i < count; i += 1) {
    const href = (await links.nth(i).getAttribute('href')) ?? '';
    if (pattern.test(href)) return href;
  }
  return undefined;
};

/** @type {string | undefined} */
let staffToken;

/** One admin sign-in for the whole run: Strapi limits admin sign-ins per address. */
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

/**
 * A file uploaded through Strapi's media library as staff do.
 * @param {string} token @param {Buffer} bytes @param {string} name @param {string} type
 */
const uploadAsStaff = async (token, bytes, name, type) => {
  const form = new FormData();
  form.append('files', new Blob([bytes], { type }), name);
  const response = await fetch(`${strapiUrl}/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  assert.equal(response.status, 201, await response.clone().text());
  return /** @type {{ id: number }[]} */ (await response.json())[0];
};

/** A real PDF, printed by Chromium. */
const makePdf = async (text) => {
  const page = await browser.newPage();
  await page.setContent(`<h1>${text}</h1><p>Prepared for the client.</p>`);
  const pdf = await page.pdf({ format: 'A4' });
  await page.close();
  return pdf;
};

/** A small PNG image, drawn by Chromium. */
const makePng = async (colour) => {
  const page = await browser.newPage({ viewport: { width: 120, height: 40 } });
  await page.setContent(`<body style="margin:0;background:${colour}"></body>`);
  const png = await page.screenshot({ type: 'png' });
  await page.close();
  return png;
};

describe('the client portal in a browser', { concurrency: false }, () => {
  before(async () => {
    rmSync(shotsDir, { recursive: true, force: true });
    product = startProduct({
      strapiPort,
      portalPort,
      netLog: path.join(dataDir, 'outbound.log'),
      env: {
        DATABASE_FILENAME: path.join(dataDir, 'data.db'),
        SESSION_DIR: path.join(dataDir, 'sessions'),
        CLIENTIA_DOCUMENTS_DIR: path.join(dataDir, 'documents'),
        EMAIL_OUTBOX_DIR: path.join(dataDir, 'outbox'),
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

  it('shows the signed-out pages in the firm’s brand', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    const page = await context.newPage();
    const signInPage = await visit(page, '/sign-in', 'sign-in');
    assert.match(signInPage, /Harbor &amp; Pine Advisory/);
    await visit(page, '/forgot-password', 'forgot-password');
    await visit(page, '/reset-password?code=not-a-real-code', 'reset-password');
    await visit(page, '/no-such-page', 'not-found', 404);

    const overview = await page.goto(`${portal}/`);
    assert.equal(new URL(page.url()).pathname, '/sign-in', 'the overview asks a visitor to sign in');
    assert.equal(overview?.status(), 200);

    await page.fill('#email', 'anna@northwind.example');
    await page.fill('#password', 'not-the-password');
    await page.click('button[type=submit]');
    const wrongPassword = await page.locator('[role=alert]').textContent();
    await page.fill('#email', 'nobody@nowhere.example');
    await page.fill('#password', 'not-the-password');
    await page.click('button[type=submit]');
    assert.equal(await page.locator('[role=alert]').textContent(), wrongPassword, 'an unknown address reads exactly like a wrong password');
    await context.close();
  });

  it('signs a contact in and shows every page of the portal', async () => {
    const { context, page } = await signIn('anna@northwind.example');
    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name === 'sid');
    assert.ok(session?.httpOnly, 'the session cookie is HttpOnly');
    assert.equal(session?.sameSite, 'Lax');
    assert.equal(cookies.length, 1, 'the browser holds only the opaque session cookie');
    assert.ok(!session.value.includes('.'), 'the cookie is not the Strapi token');

    await visit(page, '/', 'dashboard');
    for (const [section, detail] of /** @type {const} */ ([
      ['contracts', /^\/contracts\/[^/]+$/],
      ['invoices', /^\/invoices\/(?!payments)[^/]+$/],
      ['retainers', null],
      ['licences', null],
      ['documents', null],
      ['projects', /^\/projects\/[^/]+$/],
      ['messages', /^\/messages\/(?!new)[^/]+$/],
      ['activity', null],
      ['account', null],
    ])) {
      await visit(page, `/${section}`, section);
      if (detail) {
        const href = await firstLink(page, detail);
        assert.ok(href, `the ${section} list links to a record`);
        await visit(page, href, `${section}-detail`);
      }
    }
    await visit(page, '/messages/new', 'messages-new');
    await context.close();
  });

  it('downloads an invoice PDF the firm attached', async () => {
    const token = await adminToken();
    const auth = { authorization: `Bearer ${token}` };
    const json = { ...auth, 'content-type': 'application/json' };
    const clients = /** @type {{ data: { documentId: string, name: string }[] }} */ (
      await fetch(`${strapiUrl}/clientia/clients?pageSize=100`, { headers: auth }).then((r) => r.json())
    );
    const northwind = clients.data.find((client) => client.name === 'Northwind Logistics');
    assert.ok(northwind, 'the demo has Northwind Logistics');
    // A draft, its own PDF attached in the invoice editor (private storage), then issued.
    const created = await fetch(`${strapiUrl}/clientia/clients/${northwind.documentId}/invoices`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ lineItems: [{ description: 'Advisory, invoiced from the firm’s own software', quantity: 1, unitPrice: 50000, taxRate: 0 }] }),
    });
    assert.equal(created.status, 201, await created.clone().text());
    const draft = /** @type {{ data: { documentId: string } }} */ (await created.json()).data;
    const pdf = await makePdf('Invoice from the firm’s own accounting software');
    const form = new FormData();
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'own-invoice.pdf');
    const attached = await fetch(`${strapiUrl}/clientia/invoices/${draft.documentId}/pdf`, { method: 'PUT', headers: auth, body: form });
    assert.equal(attached.status, 200, await attached.clone().text());
    const issued = await fetch(`${strapiUrl}/clientia/invoices/${draft.documentId}/issue`, { method: 'POST', headers: json, body: '{}' });
    assert.equal(issued.status, 200, await issued.clone().text());

    const { context, page } = await signIn('anna@northwind.example');
    await page.goto(`${portal}/invoices/${draft.documentId}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`a[href="/invoices/${draft.documentId}/pdf"]`)]);
    const bytes = readFileSync(await download.path());
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    assert.deepEqual(bytes, pdf, 'the client gets the exact file the firm attached');
    assert.doesNotMatch(download.suggestedFilename(), PRODUCT);
    await context.close();
    // Out of the way of the statement's open invoices, which the next test reads.
    const voided = await fetch(`${strapiUrl}/clientia/invoices/${draft.documentId}/void`, { method: 'POST', headers: json, body: '{}' });
    assert.equal(voided.status, 200, await voided.clone().text());
  });

  it('shows the statement of account and gives it, like an invoice without an attached file, as a PDF in the firm’s brand', async () => {
    const { context, page } = await signIn('anna@northwind.example');
    await visit(page, '/invoices/statement', 'statement');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href^="/invoices/statement.pdf"]')]);
    const statement = readFileSync(await download.path());
    assert.equal(statement.subarray(0, 5).toString(), '%PDF-');
    const text = execFileSync('pdftotext', ['-', '-'], { input: statement }).toString();
    assert.match(text, /Kontoauszug|Statement of account/);
    assert.match(text, /Harbor & Pine Advisory/);
    assert.doesNotMatch(text, PRODUCT);

    // An invoice the firm attached no file to gets one generated from the invoice itself.
    const open = await firstLink(page, /^\/invoices\/(?!statement)[^/?]+$/);
    assert.ok(open, 'the statement links its open invoices');
    const invoiceId = open.split('/').pop();
    const generated = await page.request.get(`${portal}/invoices/${invoiceId}/pdf`);
    assert.equal(generated.status(), 200);
    const invoiceText = execFileSync('pdftotext', ['-', '-'], { input: await generated.body() }).toString();
    assert.match(invoiceText, /Harbor & Pine Advisory/);
    assert.doesNotMatch(invoiceText, PRODUCT);
    await context.close();
  });

  it('uploads a document and downloads it again', async () => {
    const { context, page } = await signIn('anna@northwind.example');
    const pdf = await makePdf('Signed purchase order');
    await page.goto(`${portal}/documents`);
    await page.setInputFiles('input[type=file][name=file]', { name: 'purchase-order.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.fill('input[name=title]', 'Purchase order 4711');
    await page.fill('input[name=folder]', 'Orders');
    await page.click('form[enctype="multipart/form-data"] button[type=submit]');
    // Anna reads the portal in German, her own choice.
    assert.match((await page.locator('main [role=status]').first().textContent()) ?? '', /hochgeladen/);
    const row = page.locator('tr', { hasText: 'Purchase order 4711' });
    assert.equal(await row.count(), 1, 'the new document is listed');
    const [download] = await Promise.all([page.waitForEvent('download'), row.locator('a[href*="/download"]').click()]);
    assert.deepEqual(readFileSync(await download.path()), pdf, 'the same bytes come back');
    await context.close();
  });

  it('assigns a seat and posts a message', async () => {
    // Maya owns Bluebird's licence, which has vacant seats.
    const { context, page } = await signIn('maya@bluebird.example');
    await page.goto(`${portal}/licences`);
    const form = page.locator('form:has(input[name=assigneeEmail])').first();
    await form.locator('input[name=assigneeName]').fill('Dana Reyes');
    await form.locator('input[name=assigneeEmail]').fill('dana.reyes@northwind.example');
    await form.locator('button[type=submit]').click();
    assert.equal(new URL(page.url()).pathname, '/licences');
    assert.ok(await page.getByText('Dana Reyes').count(), 'the seat shows its new holder');

    await page.goto(`${portal}/messages`);
    const thread = await firstLink(page, /^\/messages\/(?!new)[^/]+$/);
    assert.ok(thread);
    await page.goto(`${portal}${thread}`);
    await page.fill('textarea[name=body]', 'Thanks — we will send the signed copy on Monday.');
    await page.click('form:has(textarea[name=body]) button[type=submit]');
    assert.ok(await page.getByText('we will send the signed copy on Monday').count(), 'the reply is in the conversation');
    await context.close();
  });

  it('lets a contact sign a contract on the exact PDF and download it signed, with its certificate', async () => {
    const { context, page } = await signIn('anna@northwind.example');
    const toSign = await firstLink(page, /^\/contracts\/[^/]+\/sign$/);
    assert.ok(toSign, 'the overview lists a contract awaiting her signature');
    const contractPath = toSign.replace(/\/sign$/, '');
    await visit(page, toSign, 'contract-sign');

    // The page frames the same PDF the firm sent, inline and only inside the portal itself.
    const frameSrc = await page.locator('iframe.pdf-frame').getAttribute('src');
    assert.equal(frameSrc, `${contractPath}/file?inline=1`);
    const framed = await page.request.get(`${portal}${frameSrc}`);
    assert.equal(framed.headers()['content-type'], 'application/pdf');
    assert.match(framed.headers()['content-disposition'] ?? '', /^inline/);
    assert.match(framed.headers()['content-security-policy'] ?? '', /frame-ancestors 'self'/);
    const original = await framed.body();
    const shownHash = await page.locator('input[name=documentHash]').getAttribute('value');
    assert.equal(shownHash, createHash('sha256').update(original).digest('hex'), 'the form carries the hash of the bytes shown');

    await page.check('input[name=consent]');
    await page.fill('input[name=typedName]', 'Anna Weber');
    await page.click('form:has(input[name=action][value=sign]) button[type=submit]');
    assert.equal(new URL(page.url()).pathname, contractPath, 'back on the contract after signing');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`a[href="${contractPath}/signed-file"]`)]);
    const signed = readFileSync(await download.path());
    assert.equal(signed.subarray(0, 5).toString(), '%PDF-');
    assert.ok(signed.length > original.length, 'the signed PDF adds the certificate to the original');
    assert.doesNotMatch(download.suggestedFilename(), PRODUCT);
    const info = execFileSync('pdfinfo', ['-'], { input: signed }).toString();
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    const certificate = execFileSync('pdftotext', ['-f', String(pages), '-l', String(pages), '-', '-'], { input: signed }).toString();
    assert.match(certificate, /Signing certificate/);
    assert.match(certificate, /Anna Weber/);
    assert.match(certificate, new RegExp(shownHash));

    const verification = await visit(page, `${contractPath}/verification`, 'contract-verification');
    assert.match(verification, /verdict--valid/, 'the trail verifies');
    await context.close();
  });

  it('lets staff send a draft for signature from the admin panel, verify its trail, and the contact find it to sign', async () => {
    const token = await adminToken();
    const contracts = /** @type {{ results: { documentId: string, title: string, state: string }[] }} */ (
      await fetch(`${strapiUrl}/content-manager/collection-types/plugin::clientia.contract?pageSize=100`, {
        headers: { authorization: `Bearer ${token}` },
      }).then((r) => r.json())
    ).results;
    const draft = contracts.find((contract) => contract.state === 'draft' && /Brand operations/.test(contract.title));
    assert.ok(draft, 'the demo has Bluebird’s draft statement of work');
    const stateOf = async () =>
      /** @type {{ data: { state: string } }} */ (
        await fetch(`${strapiUrl}/content-manager/collection-types/plugin::clientia.contract/${draft.documentId}`, {
          headers: { authorization: `Bearer ${token}` },
        }).then((r) => r.json())
      ).data.state;

    // The admin panel is a React app: this browser runs its JavaScript.
    const staff = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const admin = await staff.newPage();
    await admin.goto(`${strapiUrl}/admin/auth/login`);
    await admin.fill('input[name=email]', secrets.DEMO_ADMIN_EMAIL);
    await admin.fill('input[name=password]', secrets.DEMO_ADMIN_PASSWORD);
    await admin.click('button[type=submit]');
    await admin.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 30_000, waitUntil: 'commit' });
    await admin.goto(`${strapiUrl}/admin/plugins/clientia/contracts/${draft.documentId}/signing`);
    await admin.getByRole('checkbox', { name: /Maya Chen/ }).check();
    await admin.getByRole('button', { name: 'Send for signature' }).click();
    await admin.getByRole('alertdialog').getByRole('button', { name: /Send/ }).click();
    for (let waited = 0; (await stateOf()) !== 'sent' && waited < 15_000; waited += 250) await new Promise((resolve) => setTimeout(resolve, 250));
    assert.equal(await stateOf(), 'sent', 'the contract is out for signature');
    await admin.getByRole('button', { name: 'Verify trail' }).click();
    await admin.getByText('The trail is intact').waitFor({ timeout: 10_000 });
    await staff.close();

    const outbox = path.join(dataDir, 'outbox');
    const request = (existsSync(outbox) ? readdirSync(outbox) : [])
      .map((name) => readFileSync(path.join(outbox, name), 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '='))
      .find((mail) => /^To: .*maya@bluebird\.example/m.test(mail) && mail.includes(`/contracts/${draft.documentId}/sign`));
    assert.ok(request, 'Maya is emailed a link to sign');

    const { context, page } = await signIn('maya@bluebird.example');
    assert.equal(await firstLink(page, new RegExp(`^/contracts/${draft.documentId}/sign$`)), `/contracts/${draft.documentId}/sign`, 'her overview asks her to sign it');
    await context.close();
  });

  it('switches between the clients of a contact of several, then signs out for good', async () => {
    const { context, page } = await signIn('sam@rivera-consulting.example');
    const header = page.locator('header');
    const before = await header.textContent();
    const current = await page.locator('#client-switcher').inputValue();
    const options = page.locator('#client-switcher option');
    const values = await Promise.all(Array.from({ length: await options.count() }, (_, i) => options.nth(i).getAttribute('value')));
    const other = values.find((value) => value && value !== current);
    assert.ok(other, 'Sam has a second client to switch to');
    await page.selectOption('#client-switcher', other);
    await page.click('form[action="/session/client"] button[type=submit]');
    assert.notEqual(await page.locator('#client-switcher').inputValue(), current, 'the other client is now active');
    assert.notEqual(await header.textContent(), before);
    await visit(page, '/', 'dashboard-switched');

    const cookie = (await context.cookies()).find((c) => c.name === 'sid');
    await page.click('form[action="/sign-out"] button[type=submit]');
    assert.equal(new URL(page.url()).pathname, '/sign-in');

    const replay = await fetch(`${portal}/`, { headers: { cookie: `sid=${cookie?.value}` }, redirect: 'manual' });
    assert.equal(replay.status, 303, 'the old cookie opens nothing');
    assert.match(replay.headers.get('location') ?? '', /\/sign-in/);
    await context.close();
  });

  it('follows the firm’s brand when staff change it, without a trace of the product', async () => {
    const token = await adminToken();
    const logo = await makePng('#0b6e4f');
    const uploaded = await uploadAsStaff(token, logo, 'firm-logo.png', 'image/png');
    const update = await fetch(`${strapiUrl}/clientia/branding`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      // A light green fails WCAG AA under white text: the portal must darken it.
      body: JSON.stringify({ firmName: 'Keel & Compass Legal', primaryColor: '#7fd1a8', logo: uploaded.id }),
    });
    assert.equal(update.status, 200, await update.clone().text());

    const { context, page } = await signIn('maya@bluebird.example');
    let html = '';
    for (let attempt = 0; attempt < 30 && !html.includes('Keel &amp; Compass Legal'); attempt += 1) {
      if (attempt) await new Promise((resolve) => setTimeout(resolve, 1000));
      await page.goto(`${portal}/`);
      html = await page.content();
    }
    assert.match(html, /Keel &amp; Compass Legal/, 'the new name shows within seconds');
    assert.doesNotMatch(await page.locator('header').innerHTML(), /Harbor &amp; Pine/, 'the old name is gone from the header');
    assert.doesNotMatch(html, PRODUCT);
    assert.match(await page.title(), /Keel & Compass Legal/);

    const logoSrc = await page.locator('header .brand img').getAttribute('src');
    assert.equal(logoSrc, '/brand/logo');
    const served = await fetch(`${portal}/brand/logo`);
    assert.equal(served.headers.get('content-type'), 'image/png');
    // Strapi's media library re-encodes images on upload, so the bytes differ; the picture is the same size.
    const servedLogo = Buffer.from(await served.arrayBuffer());
    assert.equal(servedLogo.subarray(1, 4).toString(), 'PNG');
    assert.deepEqual([servedLogo.readUInt32BE(16), servedLogo.readUInt32BE(20)], [logo.readUInt32BE(16), logo.readUInt32BE(20)], 'the logo staff uploaded');

    const themeHref = await page.locator('link[rel=stylesheet][href^="/brand/theme.css"]').getAttribute('href');
    const theme = await (await fetch(`${portal}${themeHref}`)).text();
    const primary = /--brand-primary:(#[0-9a-f]{6})/i.exec(theme)?.[1];
    assert.ok(primary && primary !== '#7fd1a8', `the too-light green is adjusted (${primary})`);
    const rendered = await browser.newContext();
    try {
      await rendered.addCookies(await context.cookies());
      const view = await rendered.newPage();
      await view.goto(`${portal}/`);
      const background = await view.evaluate(`getComputedStyle(document.querySelector('header.site-header')).backgroundColor`);
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(String(primary).slice(i, i + 2), 16));
      assert.equal(background, `rgb(${r}, ${g}, ${b})`, 'the header is painted in the adjusted brand colour');
    } finally {
      await rendered.close();
    }
    await visit(page, '/', 'dashboard-rebranded');
    await context.close();
  });

  it('lets an invited contact set a password, reset it by email, and end their other sessions', async () => {
    const token = await adminToken();
    const clients = /** @type {{ data: { documentId: string, name: string }[] }} */ (
      await fetch(`${strapiUrl}/clientia/clients?pageSize=100`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json())
    );
    const bluebird = clients.data.find((client) => client.name === 'Bluebird Studio');
    assert.ok(bluebird);
    const invited = await fetch(`${strapiUrl}/clientia/clients/${bluebird.documentId}/invitations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'riley@bluebird.example', name: 'Riley Park', role: 'member', signatory: false }),
    });
    assert.equal(invited.status, 201, await invited.clone().text());
    const { inviteUrl } = /** @type {{ data: { inviteUrl: string } }} */ (await invited.json()).data;

    // The invitation: choose a password, land signed in.
    const first = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    const page = await first.newPage();
    await visit(page, new URL(inviteUrl).pathname, 'invite');
    await page.fill('#password', 'Riley-first-pass-1');
    await page.fill('#confirmPassword', 'Riley-first-pass-1');
    await page.click('main form button[type=submit]');
    assert.equal(new URL(page.url()).pathname, '/', 'the invited contact lands on the overview');
    assert.match((await page.locator('h1').textContent()) ?? '', /Riley Park/);
    assert.equal((await page.goto(`${portal}${new URL(inviteUrl).pathname}`))?.status(), 404, 'the link works once');

    // Forgotten password: the email carries a link to the portal's reset page.
    const visitor = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    const resetPage = await visitor.newPage();
    await resetPage.goto(`${portal}/forgot-password`);
    await resetPage.fill('#email', 'riley@bluebird.example');
    await resetPage.click('main form button[type=submit]');
    assert.match((await resetPage.locator('main').textContent()) ?? '', /riley@bluebird\.example/);
    const outbox = path.join(dataDir, 'outbox');
    let link = '';
    for (let attempt = 0; attempt < 20 && !link; attempt += 1) {
      if (attempt) await new Promise((resolve) => setTimeout(resolve, 250));
      for (const name of existsSync(outbox) ? readdirSync(outbox) : []) {
        // Quoted-printable: join soft line breaks and decode '=3D' before reading the link.
        const text = readFileSync(path.join(outbox, name), 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
        if (!text.includes('riley@bluebird.example')) continue;
        // Riley's invitation is in the outbox too: only the email with a reset link counts.
        link ||= /https?:\/\/[^\s"<]+\/reset-password\?code=[A-Za-z0-9]+/.exec(text)?.[0] ?? '';
        assert.doesNotMatch(text, PRODUCT, 'the email never names the product');
      }
    }
    assert.ok(link, 'the reset email reached the outbox with its link');
    const reset = new URL(link);
    await resetPage.goto(`${portal}${reset.pathname}${reset.search}`);
    await resetPage.fill('#password', 'Riley-second-pass-2');
    await resetPage.fill('#confirmPassword', 'Riley-second-pass-2');
    await resetPage.click('main form button[type=submit]');
    assert.equal(new URL(resetPage.url()).pathname, '/', 'the new password signs the contact in');
    const invitedSession = await page.goto(`${portal}/`);
    assert.equal(new URL(page.url()).pathname, '/sign-in', 'a reset ends the sessions opened before it');
    assert.equal(invitedSession?.status(), 200);

    // A password change ends every other session; "sign out everywhere" ends the rest.
    const { context: other, page: otherPage } = await signIn('riley@bluebird.example', 'Riley-second-pass-2');
    await resetPage.goto(`${portal}/account`);
    await resetPage.fill('#currentPassword', 'Riley-second-pass-2');
    await resetPage.fill('#newPassword', 'Riley-third-pass-3');
    await resetPage.fill('#confirmPassword', 'Riley-third-pass-3');
    await resetPage.click('form:has(input[name=action][value=password]) button[type=submit]');
    assert.equal(new URL(resetPage.url()).pathname, '/account', 'this device stays signed in');
    await otherPage.goto(`${portal}/`);
    assert.equal(new URL(otherPage.url()).pathname, '/sign-in', 'the other device is signed out');

    const { context: third, page: thirdPage } = await signIn('riley@bluebird.example', 'Riley-third-pass-3');
    await resetPage.goto(`${portal}/account`);
    await resetPage.click('form:has(input[name=action][value=sign-out-everywhere]) button[type=submit]');
    assert.equal(new URL(resetPage.url()).pathname, '/sign-in');
    await thirdPage.goto(`${portal}/`);
    assert.equal(new URL(thirdPage.url()).pathname, '/sign-in', 'every session ended');
    for (const context of [first, visitor, other, third]) await context.close();
  });

  it('throttles sign-in per account, then per address, and refuses cross-site posts', async () => {
    const attempt = (email, password, origin = portal) =>
      fetch(`${portal}/sign-in`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email, password }),
        redirect: 'manual',
      });
    const forged = await attempt('tom@calderfinch.example', secrets.DEMO_CONTACT_PASSWORD, 'https://attacker.example');
    assert.equal(forged.status, 403, 'a form posted from another site is refused');

    for (let i = 0; i < 5; i += 1) assert.equal((await attempt('tom@calderfinch.example', `wrong-password-${i}`)).status, 401);
    const blocked = await attempt('tom@calderfinch.example', secrets.DEMO_CONTACT_PASSWORD);
    assert.equal(blocked.status, 429, 'after 5 wrong passwords even the right one waits');
    assert.equal(blocked.headers.get('set-cookie'), null, 'and no session is opened');

    // Many addresses from one browser: the address itself is throttled (kept last: it blocks this machine).
    let status = 0;
    for (let i = 0; i < 40 && status !== 429; i += 1) status = (await attempt(`guess-${i}@nowhere.example`, 'not-a-password')).status;
    assert.equal(status, 429, 'one address cannot try account after account');
    assert.equal((await attempt('olivia@calderfinch.example', secrets.DEMO_CONTACT_PASSWORD)).status, 429);
  });

  it('finds no serious or critical accessibility violation on any page', () => {
    assert.ok(audited.length >= 20, `${audited.length} pages audited`);
    const failing = audited.filter((entry) => entry.violations.length > 0);
    assert.deepEqual(
      failing.map((entry) => `${entry.name}: ${entry.violations.join('; ')}`),
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
