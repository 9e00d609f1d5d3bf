/**
 * The README's quick start, end to end: `npm start` builds what it must, starts Strapi and the
 * portal with demo data, prints the logins, keeps the data on a second start, and Ctrl-C (SIGINT
 * to the process group, as a terminal sends it) stops both.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

import { readEnvFile } from '../lib/env-file.mjs';
import { ctrlC, freePort, root, startProduct } from './lib/product.mjs';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clientia-start-'));
const netLog = path.join(dataDir, 'outbound.log');

const [strapiPort, portalPort] = [await freePort(), await freePort()];
const strapiUrl = `http://127.0.0.1:${strapiPort}`;
const portalUrl = `http://127.0.0.1:${portalPort}`;

const launch = () => startProduct({ strapiPort, portalPort, netLog, env: { DATABASE_FILENAME: path.join(dataDir, 'data.db'), SESSION_DIR: path.join(dataDir, 'sessions') } });

const portIsFree = (port) =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });

const adminLogin = async (secrets) => {
  const response = await fetch(`${strapiUrl}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: secrets.DEMO_ADMIN_EMAIL, password: secrets.DEMO_ADMIN_PASSWORD }),
  });
  assert.equal(response.status, 200, 'the printed admin login works');
  const body = /** @type {{ data: { token: string } }} */ (await response.json());
  return body.data.token;
};

const overview = async (token) => {
  const response = await fetch(`${strapiUrl}/clientia/overview`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200);
  // The plugin's AttentionOverview (plugin-clientia/shared/contracts/admin.ts), as far as read here.
  const body = /** @type {{ data: Record<AttentionList, unknown[]> & { counts: { clients: number, memberships: number } } }} */ (
    await response.json()
  );
  return body.data;
};

/** @typedef {typeof ATTENTION_LISTS[number]} AttentionList */
/** What the admin home lists; the demo seed gives each list at least one entry on first start. */
const ATTENTION_LISTS = /** @type {const} */ ([
  'overdueInvoices',
  'contractsAwaitingSignature',
  'retainersAboutToBill',
  'seatUtilisation',
  'openThreads',
  'renewals',
]);

describe('npm start', { concurrency: false }, () => {
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts Strapi and the portal with demo data, prints the logins, and stops both on Ctrl-C', async () => {
    const product = launch();
    try {
      await product.ready;
      const secrets = readEnvFile(path.join(root, 'strapi', '.env'));
      for (const key of ['APP_KEYS', 'JWT_SECRET', 'ADMIN_JWT_SECRET', 'DEMO_ADMIN_PASSWORD', 'DEMO_CONTACT_PASSWORD']) {
        assert.ok(secrets[key], `${key} was generated into strapi/.env`);
      }
      const banner = product.output();
      assert.match(banner, new RegExp(`http://localhost:${strapiPort}/admin`));
      assert.match(banner, new RegExp(`http://localhost:${portalPort}`));
      assert.ok(banner.includes(secrets.DEMO_ADMIN_PASSWORD), 'the admin login is printed');
      assert.ok(banner.includes('anna@northwind.example'), 'the demo contacts are printed');

      const admin = await fetch(`${strapiUrl}/admin`);
      assert.equal(admin.status, 200);
      assert.match(await admin.text(), /<div id="strapi"|<html/i);

      const token = await adminLogin(secrets);
      const attention = await overview(token);
      assert.equal(attention.counts.clients, 4);
      assert.equal(attention.counts.memberships, 8);
      for (const list of ATTENTION_LISTS) assert.ok(attention[list].length > 0, `the admin home lists ${list}`);

      const contact = await fetch(`${strapiUrl}/api/clientia/sign-in/password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'maya@bluebird.example', password: secrets.DEMO_CONTACT_PASSWORD }),
      });
      assert.equal(contact.status, 200, 'a printed contact login works');
      const signedIn = /** @type {{ data: { status: string } }} */ (await contact.json());
      assert.equal(signedIn.data.status, 'signed-in');

      const home = await fetch(`${portalUrl}/`);
      assert.equal(home.status, 200);
      const html = await home.text();
      assert.ok(html.includes('Harbor &amp; Pine Advisory'), "the portal shows the demo firm's name");
      assert.ok(!/clientia/i.test(html), "the portal never shows the product's own name");
      assert.equal(home.headers.get('x-content-type-options'), 'nosniff');

      const health = await fetch(`${portalUrl}/health`);
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { status: 'ok', strapi: 'up' });
    } finally {
      const { code } = await ctrlC(product);
      assert.equal(code, 0, 'Ctrl-C is a clean stop');
    }
    assert.equal(await portIsFree(strapiPort), true, 'Strapi is stopped');
    assert.equal(await portIsFree(portalPort), true, 'the portal is stopped');
  });

  it('keeps the data on a second start', async () => {
    const product = launch();
    try {
      await product.ready;
      const secrets = readEnvFile(path.join(root, 'strapi', '.env'));
      const { counts } = await overview(await adminLogin(secrets));
      assert.equal(counts.clients, 4, 'nothing seeded twice, nothing lost');
      assert.equal(counts.memberships, 8);
      assert.doesNotMatch(product.output(), /\[demo\] seeded/, 'the seed does not run on a database with data');
    } finally {
      await ctrlC(product);
    }
  });

  it('connects to nothing outside this machine (no telemetry, update checks or downloads)', () => {
    const attempts = existsSync(netLog) ? readFileSync(netLog, 'utf8').trim() : '';
    assert.equal(attempts, '', `outbound connections were attempted:\n${attempts}`);
  });
});
