/**
 * The firm's workspace end to end, against the product as `npm start` runs it (real Strapi, demo
 * data, the built portal): staff work in the plugin's own screens of the admin panel (Debian's
 * Chromium, JavaScript on, as the React app needs), and the client sees the result in the portal
 * with JavaScript off. Six journeys:
 *
 * 1. staff upload a document on the client page; the client downloads the same bytes;
 * 2. the client uploads a document; staff download the same bytes from the client page;
 * 3. staff write an invoice of three lines in major units, issue it, and record a part payment;
 *    the client sees the same totals, the PDF and the new balance;
 * 4. staff log hours on a retainer; the client's retainer meter moves by them;
 * 5. staff start a thread with a file attached; the client downloads the same bytes;
 * 6. staff create a contract, upload its PDF on the signing page and send it; the client signs it.
 *
 * Every journey runs twice: once with the mouse and once with the keyboard alone (Tab and
 * Shift+Tab to move, Enter and Space to act, the arrow keys inside a tab list, a radio group, a list
 * box or a data grid as ARIA has them, Escape to leave a grid's cell, and typing), each pass with a
 * client and data of its own. Each new admin screen is checked by axe-core and photographed into
 * `test-results/workspace-screenshots/`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { readEnvFile } from '../lib/env-file.mjs';
import { atFullHeight, axeSerious, DESKTOP, launchChromium } from './lib/browser.mjs';
import { ctrlC, freePort, root, startProduct } from './lib/product.mjs';

/** @typedef {import('playwright-core').Locator} Locator */
/** @typedef {import('playwright-core').Page} Page */
/** @typedef {{ name: string, mimeType: string, buffer: Buffer }} FilePayload */

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clientia-workspace-e2e-'));
const shotsDir = path.join(root, 'test-results', 'workspace-screenshots');
const [strapiPort, portalPort] = [await freePort(), await freePort()];
const strapiUrl = `http://127.0.0.1:${strapiPort}`;
const portal = `http://localhost:${portalPort}`;
const plugin = `${strapiUrl}/admin/plugins/clientia`;

/**
 * The most Tab presses a keyboard user is expected to make to reach one control. A control that
 * takes more (or is never reached) is an accessibility failure, not a slow machine.
 */
const MAX_TABS = 120;
/** The most arrow presses inside one tab list, radio group or grid row. */
const MAX_ARROWS = 15;
/** The most Tab presses any control took in this run, reported with the accessibility results. */
let mostTabs = 0;

/** @type {ReturnType<typeof startProduct>} */
let product;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {Record<string, string>} */
let secrets;
/** @type {import('playwright-core').BrowserContext} */
let staff;
/** The one admin tab of the run: Strapi limits admin sign-ins per address, so staff sign in once. */
/** @type {Page} */
let admin;

/** Each admin screen checked by axe-core, with the serious and critical problems found on it. */
const audited = /** @type {{ name: string, violations: string[] }[]} */ ([]);

const sha256 = (/** @type {Buffer} */ bytes) => createHash('sha256').update(bytes).digest('hex');

/**
 * An amount as shown, in minor units, whatever the locale writes around it: "€3,405.40" in the
 * admin and "3.405,40 €" in Anna's German portal are both 340540. Every currency here has two
 * decimals, and every amount is shown with both.
 * @param {string | null} text
 */
const minor = (text) => {
  const digits = (text ?? '').replace(/[^\d]/g, '');
  assert.ok(digits, `an amount is shown (${JSON.stringify(text)})`);
  return (/[-−]/.test(text ?? '') ? -1 : 1) * Number(digits);
};

/**
 * Hours as shown ("22.5 h", "22,5 Std."), as a number.
 * @param {string | null} text
 */
const hoursIn = (text) => {
  const match = /(\d+(?:[.,]\d+)?)/.exec(text ?? '');
  assert.ok(match, `hours are shown (${JSON.stringify(text)})`);
  return Number(match[1].replace(',', '.'));
};

/** The staff member's API token, as the admin panel holds it (it renews it by itself). */
const staffApi = async (/** @type {string} */ pathname) => {
  const token = (await staff.cookies(`${strapiUrl}/admin`)).find((cookie) => cookie.name === 'jwtToken')?.value;
  assert.ok(token, 'the admin panel holds the staff token');
  const response = await fetch(`${strapiUrl}${pathname}`, { headers: { authorization: `Bearer ${decodeURIComponent(token)}` } });
  assert.equal(response.status, 200, `${pathname}: ${await response.clone().text()}`);
  return /** @type {{ data: any }} */ (await response.json()).data;
};

/** A real PDF, printed by Chromium. */
const makePdf = async (/** @type {string} */ text) => {
  const page = await browser.newPage();
  await page.setContent(`<h1>${text}</h1><p>Prepared by Harbor &amp; Pine Advisory.</p>`);
  const pdf = await page.pdf({ format: 'A4' });
  await page.close();
  return pdf;
};

// ---------------------------------------------------------------------------------------------
// Working the admin panel: the mouse, or the keyboard alone.

/**
 * Moves the focus as a keyboard user does, Tab or Shift+Tab (when the target lies before the
 * focused element), until the focus is on `target` (or, with `within`, anywhere inside it). Fails,
 * naming the control, when it is not reached within MAX_TABS presses.
 * @param {Page} page
 * @param {Locator} target
 */
const tabTo = async (page, target, within = false) => {
  await target.waitFor({ state: 'visible' });
  for (let presses = 0; presses <= MAX_TABS; presses += 1) {
    const where = await target.evaluate((element, inside) => {
      const active = element.ownerDocument.activeElement;
      if (active === element || (inside && active && element.contains(active))) return 'here';
      if (!active || active === element.ownerDocument.body) return 'after';
      // Node.DOCUMENT_POSITION_PRECEDING: the target comes before the focused element.
      return active.compareDocumentPosition(element) & 2 ? 'before' : 'after';
    }, within);
    if (where === 'here') {
      mostTabs = Math.max(mostTabs, presses);
      return;
    }
    await page.keyboard.press(where === 'before' ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${target} cannot be reached with Tab and Shift+Tab (${MAX_TABS} presses)`);
};

/**
 * Inside a composite widget (tab list, radio group) Tab enters the widget once and the arrow keys
 * move between its items: Tab into `widget`, then `key` until `target` has the focus.
 * @param {Page} page
 * @param {Locator} widget
 * @param {Locator} target
 * @param {'ArrowRight' | 'ArrowDown'} key
 */
const arrowTo = async (page, widget, target, key) => {
  await tabTo(page, widget, true);
  for (let presses = 0; presses <= MAX_ARROWS; presses += 1) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${target} cannot be reached with ${key} (${MAX_ARROWS} presses)`);
};

/**
 * Inside a data grid (Strapi's tables are ARIA grids: Tab enters the grid once, on one cell; the
 * arrow keys move from cell to cell; Enter enters a cell whose controls are not all buttons, Tab
 * moves between its controls and Escape leaves it), Tab into the grid, then the grid's own keys to
 * the target's row, its column, and the target itself.
 * @param {Page} page
 * @param {Locator} target
 */
const gridTo = async (page, target) => {
  await tabTo(page, target.locator('xpath=ancestor::*[@role="grid"][1]'), true);
  for (let presses = 0; presses <= MAX_ARROWS * 4; presses += 1) {
    const key = await target.evaluate((element) => {
      const active = element.ownerDocument.activeElement;
      if (!active || active === element) return null;
      const cell = element.closest('[role=gridcell]');
      const activeCell = active.closest('[role=gridcell]');
      if (activeCell === cell) {
        if (active === cell) return 'Enter';
        // Node.DOCUMENT_POSITION_FOLLOWING: the target comes after the focused element.
        return active.compareDocumentPosition(element) & 4 ? 'Tab' : 'Shift+Tab';
      }
      // Inside a cell that was entered (one whose controls are not all buttons), the arrow keys
      // belong to its controls until Escape leaves it, as the grid's cells have it.
      if (activeCell && active !== activeCell) {
        const controls = [...activeCell.querySelectorAll('a, button, input, textarea, select, details, [tabindex]:not([tabindex="-1"])')].filter(
          (control) => !control.hasAttribute('disabled')
        );
        const typed = controls.filter((control) => control.tagName === 'INPUT' && !['checkbox', 'radio'].includes(control.getAttribute('type') ?? ''));
        const entered = (controls.length === 1 && typed.length === 1) || (controls.length > 1 && controls.some((control) => control.tagName !== 'BUTTON'));
        if (entered) return 'Escape';
      }
      /** A cell's row and column, as the grid numbers them. */
      const coordinates = (node) => [Number(node?.closest('tr')?.getAttribute('aria-rowindex') ?? 1), Number(node?.getAttribute('aria-colindex') ?? 1)];
      const [row, column] = coordinates(cell);
      const [activeRow, activeColumn] = coordinates(activeCell);
      if (activeRow !== row) return activeRow < row ? 'ArrowDown' : 'ArrowUp';
      return activeColumn < column ? 'ArrowRight' : 'ArrowLeft';
    });
    if (!key) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${target} cannot be reached with the keys of its grid (${MAX_ARROWS * 4} presses)`);
};

/**
 * The keyboard's way to a control: the arrow keys when it sits in a grid, Tab and Shift+Tab otherwise.
 * @param {Page} page
 * @param {Locator} target
 */
const reach = async (page, target) => {
  await target.waitFor({ state: 'visible' });
  if (await target.evaluate((element) => Boolean(element.closest('[role=grid]')))) await gridTo(page, target);
  else await tabTo(page, target);
};

/**
 * How a staff member works a screen. Each journey is written once against this and run with both.
 * @typedef {{
 *   name: 'mouse' | 'keyboard',
 *   press: (target: Locator) => Promise<void>,
 *   toggle: (target: Locator) => Promise<void>,
 *   type: (target: Locator, text: string) => Promise<void>,
 *   chooseFiles: (trigger: Locator, files: FilePayload[]) => Promise<void>,
 *   openTab: (tab: Locator) => Promise<void>,
 *   pickRadio: (radio: Locator) => Promise<void>,
 *   pickOption: (combobox: Locator, text: string, option: string) => Promise<void>,
 * }} Actor
 */

/** @returns {Actor} */
const mouse = () => ({
  name: 'mouse',
  press: (target) => target.click(),
  toggle: (target) => target.click(),
  type: (target, text) => target.fill(text),
  async chooseFiles(trigger, files) {
    const [chooser] = await Promise.all([admin.waitForEvent('filechooser'), trigger.click()]);
    await chooser.setFiles(files);
  },
  openTab: (tab) => tab.click(),
  pickRadio: (radio) => radio.click(),
  async pickOption(combobox, text, option) {
    await combobox.fill(text);
    await admin.getByRole('option', { name: option, exact: true }).click();
  },
});

/** @returns {Actor} */
const keyboard = () => ({
  name: 'keyboard',
  async press(target) {
    await reach(admin, target);
    await admin.keyboard.press('Enter');
  },
  async toggle(target) {
    await reach(admin, target);
    await admin.keyboard.press('Space');
  },
  async type(target, text) {
    await reach(admin, target);
    await admin.keyboard.press('ControlOrMeta+A');
    await admin.keyboard.press('Backspace');
    await admin.keyboard.type(text);
  },
  async chooseFiles(trigger, files) {
    await reach(admin, trigger);
    const [chooser] = await Promise.all([admin.waitForEvent('filechooser'), admin.keyboard.press('Enter')]);
    await chooser.setFiles(files);
  },
  async openTab(tab) {
    // The tab list is one stop for Tab (the selected tab); the arrow keys select the others.
    await arrowTo(admin, tab.locator('xpath=ancestor::*[@role="tablist"]'), tab, 'ArrowRight');
  },
  async pickRadio(radio) {
    // Tab enters the group on its chosen radio (the first when none is); Space chooses the one focused.
    await arrowTo(admin, radio.locator('xpath=ancestor::*[@role="radiogroup"]'), radio, 'ArrowDown');
    await admin.keyboard.press('Space');
  },
  async pickOption(combobox, text, option) {
    await this.type(combobox, text);
    // The list box opens under the typed text; the arrow keys move its highlight, Enter chooses.
    const wanted = admin.getByRole('option', { name: option, exact: true });
    await wanted.waitFor();
    for (let presses = 0; ; presses += 1) {
      if ((await wanted.getAttribute('data-highlighted')) !== null) break;
      if (presses === MAX_ARROWS) throw new Error(`${wanted} cannot be reached with ArrowDown (${MAX_ARROWS} presses)`);
      await admin.keyboard.press('ArrowDown');
    }
    await admin.keyboard.press('Enter');
    await wanted.waitFor({ state: 'hidden' });
  },
});

// ---------------------------------------------------------------------------------------------
// Checking a screen: axe-core and a screenshot, once per screen.

/**
 * axe-core on the admin screen as it stands, and its screenshot, both with the whole screen in the
 * viewport. Only the plugin's content is checked: the page's <main> (the plugin's screen), or the
 * open dialog, which renders outside <main> and leaves the page behind it dimmed and inert; Strapi's
 * own menu and banners around them are not the plugin's to fix.
 * @param {string} name
 */
const inspect = async (name) => {
  if (audited.some((entry) => entry.name === name)) return;
  await atFullHeight(admin, async () => {
    const context = `{ include: document.querySelector('[role=dialog], [role=alertdialog]') ? [['[role=dialog]'], ['[role=alertdialog]']].filter(([selector]) => document.querySelector(selector)) : [['main']] }`;
    const violations = await axeSerious(admin, context);
    // A screen wider than a laptop's makes the panel around it scroll sideways (and hides what is past its edge).
    const sideways = Number(
      await admin.evaluate(`Math.max(0, ...(function* () { for (let el = document.querySelector('main'); el; el = el.parentElement) yield el.scrollWidth - el.clientWidth; })())`)
    );
    if (sideways > 1) violations.push(`serious: the screen is ${sideways}px wider than a ${DESKTOP.width}px window and scrolls sideways`);
    for (const violation of violations) console.log(`${name}: ${violation}`);
    audited.push({ name, violations });
    mkdirSync(shotsDir, { recursive: true });
    await admin.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
  });
};

// ---------------------------------------------------------------------------------------------
// The portal, as the client sees it: JavaScript off.

/** One signed-in browser per contact for the run. */
const portalSessions = /** @type {Map<string, Page>} */ (new Map());

/** @param {string} email */
const portalAs = async (email) => {
  const open = portalSessions.get(email);
  if (open) return open;
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${portal}/sign-in`);
  await page.fill('#email', email);
  await page.fill('#password', secrets.DEMO_CONTACT_PASSWORD);
  await page.click('main form button[type=submit]');
  assert.equal(new URL(page.url()).pathname, '/', `${email} lands on the overview`);
  portalSessions.set(email, page);
  return page;
};

/**
 * The file a download started by `start` saves: its bytes and the name the browser suggests.
 * @param {Page} page
 * @param {() => Promise<unknown>} start
 */
const downloaded = async (page, start) => {
  const [download] = await Promise.all([page.waitForEvent('download'), start()]);
  return { bytes: readFileSync(await download.path()), name: download.suggestedFilename() };
};

/**
 * A definition list's terms and figures, in order.
 * @param {Locator} list
 */
const pairs = async (list) => {
  const terms = await list.locator('dt').allTextContents();
  const values = await list.locator('dd').allTextContents();
  return terms.map((term, i) => [term.trim(), (values[i] ?? '').trim()]);
};

// ---------------------------------------------------------------------------------------------
// The two passes, each with a client of its own and data of its own.

/**
 * @typedef {{
 *   label: string,
 *   actor: () => Actor,
 *   client: { name: string, currency: string, documentId?: string },
 *   contact: { email: string, name: string },
 *   retainer: string,
 *   staffDocument: { file: string, title: string, folder: string },
 *   clientDocument: { file: string, title: string, folder: string },
 *   invoice: { lines: { description: string, quantity: string, unitPrice: string, taxRate: string }[], subtotal: number, tax: number, total: number, payment: string, paid: number },
 *   hours: { typed: string, value: number, description: string },
 *   thread: { from: 'client page' | 'inbox', subject: string, body: string, file: FilePayload },
 *   contract: { title: string },
 * }} Pass
 */

/** @type {Pass[]} */
const PASSES = [
  {
    label: 'with the mouse',
    actor: mouse,
    client: { name: 'Northwind Logistics', currency: 'EUR' },
    contact: { email: 'anna@northwind.example', name: 'Anna Weber' },
    retainer: 'Logistics advisory retainer',
    staffDocument: { file: 'board-pack-q3.pdf', title: 'Board pack Q3', folder: 'Board papers' },
    clientDocument: { file: 'purchase-order-4711.pdf', title: 'Purchase order 4711', folder: 'Orders from Northwind' },
    invoice: {
      // 2 × 1,250.50 + 480.00 taxed at 19 % + 3.5 × 95.20: figures whose tax is exact in cents.
      lines: [
        { description: 'Advisory days, March', quantity: '2', unitPrice: '1250.50', taxRate: '0' },
        { description: 'Route optimisation workshop', quantity: '1', unitPrice: '480', taxRate: '19' },
        { description: 'Travel to Hamburg', quantity: '3.5', unitPrice: '95.20', taxRate: '0' },
      ],
      subtotal: 250_100 + 48_000 + 33_320,
      tax: 9_120,
      total: 250_100 + 48_000 + 33_320 + 9_120,
      payment: '1000.25',
      paid: 100_025,
    },
    hours: { typed: '2.5', value: 2.5, description: 'Carrier tender review' },
    thread: {
      from: 'client page',
      subject: 'Route plan for your review',
      body: 'Please find the revised route plan attached.',
      file: { name: 'route-plan.csv', mimeType: 'text/csv', buffer: Buffer.from('depot,stop,eta\nHamburg,Bremen,09:40\nBremen,Hanover,12:15\n') },
    },
    contract: { title: 'Data processing agreement 2027' },
  },
  {
    label: 'with the keyboard alone',
    actor: keyboard,
    client: { name: 'Calder & Finch LLP', currency: 'GBP' },
    contact: { email: 'olivia@calderfinch.example', name: 'Olivia Grant' },
    retainer: 'Practice management advisory',
    staffDocument: { file: 'engagement-letter.pdf', title: 'Engagement letter 2027', folder: 'Engagement' },
    clientDocument: { file: 'trust-account-statement.pdf', title: 'Trust account statement', folder: 'Statements from Calder' },
    invoice: {
      // 3 × 1,250.50 + 800.00 taxed at 20 % + 4 × 62.25.
      lines: [
        { description: 'Practice review sessions', quantity: '3', unitPrice: '1250.50', taxRate: '0' },
        { description: 'Compliance workshop', quantity: '1', unitPrice: '800', taxRate: '20' },
        { description: 'Document templates', quantity: '4', unitPrice: '62.25', taxRate: '0' },
      ],
      subtotal: 375_150 + 80_000 + 24_900,
      tax: 16_000,
      total: 375_150 + 80_000 + 24_900 + 16_000,
      payment: '1500',
      paid: 150_000,
    },
    // An hour and three quarters, typed the way the form's hint offers.
    hours: { typed: '1:45', value: 1.75, description: 'Partner meeting preparation' },
    thread: {
      from: 'inbox',
      subject: 'Engagement terms for the new matter',
      body: 'Our proposed terms are attached; we are happy to discuss them.',
      file: { name: 'engagement-terms.txt', mimeType: 'text/plain', buffer: Buffer.from('Engagement terms\n1. Scope\n2. Fees\n3. Term\n') },
    },
    contract: { title: 'Litigation support engagement' },
  },
];

/**
 * The client page, on one of its tabs.
 * @param {Pass} pass
 * @param {Actor} actor
 * @param {string} tab
 */
const openClientTab = async (pass, actor, tab) => {
  await admin.goto(`${plugin}/clients/${pass.client.documentId}`);
  const trigger = admin.getByRole('tab', { name: new RegExp(`^${tab}`) });
  await actor.openTab(trigger);
  await admin.getByRole('tabpanel', { name: new RegExp(`^${tab}`) }).waitFor();
};

describe('the firm’s workspace in the admin panel, and what the client sees of it', { concurrency: false }, () => {
  before(async () => {
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
    rmSync(shotsDir, { recursive: true, force: true });

    // The admin panel is a React app: this browser runs its JavaScript.
    // Reduced motion: the design system then changes colours at once, so neither axe-core nor a
    // screenshot catches a button halfway through its transition.
    staff = await browser.newContext({ viewport: DESKTOP, locale: 'en-US', reducedMotion: 'reduce' });
    admin = await staff.newPage();
    // Playwright has the browser intercept file choosers from the first listener on, without waiting
    // for the browser to confirm; a chooser opened before that would be a native dialog nobody closes.
    // Listening for the whole run settles it long before the first chooser opens.
    admin.on('filechooser', () => undefined);
    await admin.goto(`${strapiUrl}/admin/auth/login`);
    await admin.fill('input[name=email]', secrets.DEMO_ADMIN_EMAIL);
    await admin.fill('input[name=password]', secrets.DEMO_ADMIN_PASSWORD);
    await admin.click('button[type=submit]');
    await admin.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000, waitUntil: 'commit' });

    const clients = /** @type {{ documentId: string, name: string }[]} */ (await staffApi('/clientia/clients?pageSize=100'));
    for (const pass of PASSES) {
      pass.client.documentId = clients.find((client) => client.name === pass.client.name)?.documentId;
      assert.ok(pass.client.documentId, `the demo has ${pass.client.name}`);
    }
  });

  after(async () => {
    await browser?.close();
    if (product) await ctrlC(product);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows every tab of the client page', async () => {
    const [pass] = PASSES;
    await admin.goto(`${plugin}/clients/${pass.client.documentId}`);
    for (const tab of ['Contacts', 'Contracts', 'Retainers', 'Invoices', 'Licences', 'Documents', 'Projects', 'Threads', 'Activity']) {
      await admin.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      const panel = admin.getByRole('tabpanel', { name: new RegExp(`^${tab}`) });
      await panel.waitFor();
      // The Documents tab loads its list on its own: checked once it is there.
      if (tab === 'Documents') await panel.getByRole('row').first().waitFor();
      await inspect(`client-${tab.toLowerCase()}`);
    }
  });

  for (const pass of PASSES) {
    describe(pass.label, { concurrency: false }, () => {
      /** @type {Actor} */
      let actor;
      before(() => {
        actor = pass.actor();
      });

      it('staff share a document on the client page and the client downloads the same bytes', async () => {
        const { file, title, folder } = pass.staffDocument;
        const pdf = await makePdf(title);
        await openClientTab(pass, actor, 'Documents');
        const form = admin.getByRole('form', { name: 'Upload documents' });
        await actor.chooseFiles(form.getByRole('button', { name: 'Choose files' }), [{ name: file, mimeType: 'application/pdf', buffer: pdf }]);
        await form.getByRole('listitem').filter({ hasText: file }).waitFor();
        await actor.type(form.getByLabel('Title', { exact: true }), title);
        await actor.type(form.getByLabel('Folder', { exact: true }), folder);
        await actor.pickRadio(form.getByRole('radio', { name: /^Shared with the client/ }));
        await inspect('document-upload-form');
        await actor.press(form.getByRole('button', { name: 'Upload 1 file' }));
        await form.getByRole('status').filter({ hasText: '1 document uploaded.' }).waitFor();
        await admin.getByRole('row').filter({ hasText: title }).waitFor();

        const page = await portalAs(pass.contact.email);
        await page.goto(`${portal}/documents?folder=${encodeURIComponent(folder)}`);
        const row = page.locator('main tr', { hasText: title });
        assert.equal(await row.count(), 1, 'the shared document is listed in the portal');
        const got = await downloaded(page, () => row.locator('a[href*="/download"]').click());
        assert.equal(sha256(got.bytes), sha256(pdf), 'the client gets the exact bytes staff uploaded');
      });

      it('the client uploads a document and staff download the same bytes from the client page', async () => {
        const { file, title, folder } = pass.clientDocument;
        const pdf = await makePdf(title);
        const page = await portalAs(pass.contact.email);
        await page.goto(`${portal}/documents`);
        await page.setInputFiles('input[type=file][name=file]', { name: file, mimeType: 'application/pdf', buffer: pdf });
        await page.fill('input[name=title]', title);
        await page.fill('input[name=folder]', folder);
        await page.click('form[enctype="multipart/form-data"] button[type=submit]');
        assert.equal(await page.locator('main tr', { hasText: title }).count(), 1, 'the upload is listed in the portal');

        await openClientTab(pass, actor, 'Documents');
        const row = admin.getByRole('row').filter({ hasText: title });
        await row.waitFor();
        const got = await downloaded(admin, () => actor.press(row.getByRole('button', { name: `Download ${file}` })));
        assert.equal(sha256(got.bytes), sha256(pdf), 'staff get the exact bytes the client uploaded');
        assert.equal(got.name, file);
      });

      it('staff issue an invoice of three lines typed in major units, the client sees the same totals and its PDF, then a part payment', async () => {
        const { invoice, client } = pass;
        await openClientTab(pass, actor, 'Invoices');
        await actor.press(admin.getByRole('link', { name: 'New invoice' }));
        await admin.getByRole('heading', { name: `New invoice for ${client.name}` }).waitFor();
        const form = admin.getByRole('form', { name: 'Draft invoice' });
        for (const [index, line] of invoice.lines.entries()) {
          const n = index + 1;
          if (index > 0) await actor.press(form.getByRole('button', { name: 'Add line' }));
          await actor.type(form.getByRole('textbox', { name: `Description, line ${n}` }), line.description);
          await actor.type(form.getByRole('textbox', { name: `Quantity, line ${n}` }), line.quantity);
          await actor.type(form.getByRole('textbox', { name: `Unit price in ${client.currency}, line ${n}` }), line.unitPrice);
          await actor.type(form.getByRole('textbox', { name: `Tax rate in percent, line ${n}` }), line.taxRate);
        }
        const totals = admin.getByRole('region', { name: 'Totals' });
        /** The totals table as shown: label → minor units. */
        const shownTotals = async () =>
          Object.fromEntries(
            await Promise.all(
              (await totals.locator('tr').all()).map(async (row) => [((await row.locator('th').textContent()) ?? '').trim(), minor(await row.locator('td').textContent())])
            )
          );
        const live = await shownTotals();
        assert.deepEqual([live.Subtotal, live.Tax, live.Total], [invoice.subtotal, invoice.tax, invoice.total], 'the editor adds up the lines typed in major units');
        await inspect('invoice-editor-new');

        await actor.press(admin.getByRole('button', { name: 'Issue invoice' }));
        const confirm = admin.getByRole('alertdialog');
        await actor.press(confirm.getByRole('button', { name: 'Issue', exact: true }));
        const heading = admin.getByRole('heading', { name: /^Invoice \S+-\d+/ });
        await heading.waitFor();
        const number = ((await heading.textContent()) ?? '').replace(/^Invoice /, '').trim();
        const documentId = new URL(admin.url()).pathname.split('/').pop();
        const issued = await shownTotals();
        assert.deepEqual(
          [issued.Subtotal, issued.Tax, issued.Total, issued['Balance due']],
          [invoice.subtotal, invoice.tax, invoice.total, invoice.total],
          'the server stored the totals the editor showed'
        );

        const page = await portalAs(pass.contact.email);
        await page.goto(`${portal}/invoices/${documentId}`);
        assert.match((await page.locator('h1').textContent()) ?? '', new RegExp(number), 'the client sees the invoice under its number');
        const portalTotals = await pairs(page.locator('dl.invoice-totals'));
        const portalFigures = portalTotals.map(([, value]) => minor(value));
        // Subtotal, tax, total, paid, balance: in that order on the invoice page.
        assert.deepEqual(portalFigures, [issued.Subtotal, issued.Tax, issued.Total, 0, issued['Balance due']], 'the portal shows the figures staff see');

        const pdf = await downloaded(page, () => page.click(`a[href="/invoices/${documentId}/pdf"]`));
        assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-', 'the invoice downloads as a PDF');
        const text = execFileSync('pdftotext', ['-', '-'], { input: pdf.bytes }).toString();
        assert.match(text, new RegExp(number), 'the PDF carries the invoice number');
        const amounts = (text.match(/\d{1,3}(?:[.,\s\u00a0\u202f]\d{3})*[.,]\d{2}/g) ?? []).map(minor);
        assert.ok(amounts.includes(invoice.total), `the PDF shows the total (${amounts.join(', ')})`);

        await actor.press(admin.getByRole('button', { name: 'Record payment' }));
        const dialog = admin.getByRole('dialog', { name: `Record a payment for Invoice ${number}` });
        await actor.type(dialog.getByLabel(new RegExp(`^Amount \\(${client.currency}\\)`)), invoice.payment);
        await inspect('record-payment-dialog');
        await actor.press(dialog.getByRole('button', { name: 'Record payment' }));
        await dialog.waitFor({ state: 'hidden' });
        await totals.locator('tr', { hasText: 'Paid' }).waitFor();
        const paid = await shownTotals();
        assert.deepEqual([paid.Paid, paid['Balance due']], [invoice.paid, invoice.total - invoice.paid], 'the payment typed in major units is recorded');
        await inspect('invoice-editor-existing');

        await page.goto(`${portal}/invoices/${documentId}`);
        const settled = (await pairs(page.locator('dl.invoice-totals'))).map(([, value]) => minor(value));
        assert.deepEqual(settled.slice(3), [paid.Paid, paid['Balance due']], 'the client sees the payment and the new balance');
      });

      it('staff log hours on a retainer and the client’s retainer meter moves by them', async () => {
        const page = await portalAs(pass.contact.email);
        /** The retainer's hours in the portal: the figure used and the meter's value. */
        const portalHours = async () => {
          await page.goto(`${portal}/retainers`);
          const card = page.locator('section.retainer', { has: page.locator('h2', { hasText: pass.retainer }) });
          const meter = card.locator('meter');
          return {
            used: hoursIn(await card.locator('.retainer-figures > div').nth(1).locator('dd').textContent()),
            meter: Number(await meter.getAttribute('value')),
            max: Number(await meter.getAttribute('max')),
          };
        };
        const earlier = await portalHours();

        await openClientTab(pass, actor, 'Retainers');
        await actor.press(admin.getByRole('button', { name: `Show the hours of ${pass.retainer}` }));
        const hours = admin.getByRole('region', { name: `Hours on ${pass.retainer}` });
        await hours.getByRole('heading', { name: /Time entries/i }).waitFor();
        await inspect('client-retainer-hours');
        await actor.press(hours.getByRole('button', { name: 'Log hours' }));
        const dialog = admin.getByRole('dialog', { name: `Log hours on ${pass.retainer}` });
        await actor.type(dialog.getByLabel(/^Hours/), pass.hours.typed);
        await actor.type(dialog.getByLabel('Description'), pass.hours.description);
        await inspect('time-entry-dialog');
        await actor.press(dialog.getByRole('button', { name: 'Log hours' }));
        await dialog.waitFor({ state: 'hidden' });
        await hours.getByRole('row').filter({ hasText: pass.hours.description }).waitFor();
        const staffUsed = hoursIn(await hours.getByText(/ h used/).first().textContent());

        const later = await portalHours();
        assert.equal(later.used, earlier.used + pass.hours.value, `the client sees ${pass.hours.value} more hours used`);
        assert.equal(later.used, staffUsed, 'the portal and the admin agree on the hours used');
        assert.equal(later.meter, Math.min(later.used, later.max), 'the meter shows the hours used, up to those included');
        // A retainer already past its included hours has a full meter: the figures above still moved.
        if (earlier.used < earlier.max) assert.ok(later.meter > earlier.meter, 'the meter moved');
      });

      it('staff start a thread with a file attached and the client downloads the same bytes', async () => {
        const { thread, client } = pass;
        let dialog;
        if (thread.from === 'client page') {
          await openClientTab(pass, actor, 'Threads');
          await actor.press(admin.getByRole('tabpanel', { name: /^Threads/ }).getByRole('button', { name: 'New thread' }));
          dialog = admin.getByRole('dialog', { name: `New thread with ${client.name}` });
        } else {
          await admin.goto(`${plugin}/inbox`);
          await admin.getByRole('heading', { name: 'Inbox' }).waitFor();
          await inspect('inbox');
          await actor.press(admin.getByRole('button', { name: 'New thread' }));
          dialog = admin.getByRole('dialog', { name: 'New thread' });
          await actor.pickOption(dialog.getByRole('combobox', { name: 'Client' }), client.name, client.name);
        }
        await actor.type(dialog.getByLabel('Subject'), thread.subject);
        await actor.type(dialog.getByLabel('First message'), thread.body);
        await actor.chooseFiles(dialog.getByRole('button', { name: 'Attach files' }), [thread.file]);
        await dialog.getByRole('listitem').filter({ hasText: thread.file.name }).waitFor();
        await inspect(thread.from === 'client page' ? 'new-thread-dialog' : 'new-thread-dialog-inbox');
        await actor.press(dialog.getByRole('button', { name: 'Start thread' }));
        await admin.getByRole('heading', { name: thread.subject }).waitFor();
        await admin.getByRole('button', { name: new RegExp(`^Download ${thread.file.name}`) }).waitFor();
        await inspect('thread-page');

        const page = await portalAs(pass.contact.email);
        await page.goto(`${portal}/messages`);
        const link = page.locator('a.thread__subject', { hasText: thread.subject });
        assert.equal(await link.count(), 1, 'the client finds the thread');
        await link.click();
        assert.ok(await page.getByText(thread.body).count(), 'the first message is there');
        const got = await downloaded(page, () => page.locator('ul.attachments a', { hasText: thread.file.name }).click());
        assert.equal(sha256(got.bytes), sha256(thread.file.buffer), 'the client gets the exact file staff attached');
      });

      it('staff create a contract, upload its PDF on the signing page and send it; the client signs it', async () => {
        const { contract, client, contact } = pass;
        await openClientTab(pass, actor, 'Contracts');
        await actor.press(admin.getByRole('button', { name: 'New contract' }));
        const dialog = admin.getByRole('dialog', { name: `New contract for ${client.name}` });
        await actor.type(dialog.getByLabel('Title'), contract.title);
        await actor.press(dialog.getByRole('button', { name: 'Create draft' }));
        await admin.waitForURL(/\/contracts\/[^/]+\/signing$/);
        const documentId = new URL(admin.url()).pathname.split('/').at(-2);

        const pdf = await makePdf(contract.title);
        const upload = admin.getByRole('form', { name: 'Upload the contract PDF' });
        await actor.chooseFiles(upload.getByLabel('Contract PDF'), [{ name: 'contract.pdf', mimeType: 'application/pdf', buffer: pdf }]);
        await inspect('contract-signing-upload');
        await actor.press(upload.getByRole('button', { name: 'Upload PDF' }));
        await admin.getByText(/contract\.pdf \(.+\), in private storage/).waitFor();
        const send = admin.getByRole('form', { name: 'Send for signature' });
        await actor.toggle(send.getByRole('checkbox', { name: contact.name }));
        await inspect('contract-signing-send');
        await actor.press(send.getByRole('button', { name: 'Send for signature' }));
        await actor.press(admin.getByRole('alertdialog').getByRole('button', { name: 'Send now' }));
        await send.waitFor({ state: 'detached' });
        const sent = await staffApi(`/clientia/contracts/${documentId}/signing`);
        assert.equal(sent.contract.state, 'sent', 'the contract is out for signature');
        assert.equal(sent.contract.documentHash, sha256(pdf), 'it is fixed on the PDF staff uploaded');

        const page = await portalAs(contact.email);
        await page.goto(`${portal}/contracts/${documentId}/sign`);
        assert.equal(await page.locator('input[name=documentHash]').getAttribute('value'), sha256(pdf), 'the client is asked to sign the same PDF');
        await page.check('input[name=consent]');
        await page.fill('input[name=typedName]', contact.name);
        await page.click('form:has(input[name=action][value=sign]) button[type=submit]');
        assert.equal(new URL(page.url()).pathname, `/contracts/${documentId}`, 'back on the contract after signing');
        assert.ok(await page.locator(`a[href="/contracts/${documentId}/signed-file"]`).count(), 'the signed PDF is offered');

        await admin.reload();
        await admin.getByRole('heading', { name: new RegExp(contract.title) }).waitFor();
        const signed = await staffApi(`/clientia/contracts/${documentId}/signing`);
        assert.equal(signed.contract.state, 'signed', 'the contract is signed');
        assert.ok(await admin.getByText(/^signed$/i).count(), 'the signing page shows it signed');
      });
    });
  }

  it('finds no serious or critical accessibility violation on any new admin screen', (t) => {
    t.diagnostic(`${audited.length} admin screens audited; the most Tab presses one control took: ${mostTabs} (of at most ${MAX_TABS})`);
    assert.ok(audited.length >= 21, `${audited.length} admin screens audited`);
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
