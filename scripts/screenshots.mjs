#!/usr/bin/env node
/**
 * Screenshots of every Clientia admin page against a running demo (`npm start`), for reviewing
 * the panels as staff see them: `node scripts/screenshots.mjs [outDir]`.
 * Reads the demo admin login from strapi/.env; STRAPI_URL defaults to http://localhost:1337.
 * Needs Debian's Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { readEnvFile } from './lib/env-file.mjs';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.resolve(process.argv[2] ?? path.join(os.tmpdir(), 'clientia-screenshots'));
const strapiUrl = process.env.STRAPI_URL ?? 'http://localhost:1337';
const secrets = readEnvFile(path.join(root, 'strapi', '.env'));
mkdirSync(outDir, { recursive: true });

const login = await fetch(`${strapiUrl}/admin/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: secrets.DEMO_ADMIN_EMAIL, password: secrets.DEMO_ADMIN_PASSWORD }),
});
if (!login.ok) throw new Error(`admin login failed: HTTP ${login.status}`);
const token = /** @type {{ data: { token: string } }} */ (await login.json()).data.token;
const api = async (route) => {
  const response = await fetch(`${strapiUrl}${route}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${route}: HTTP ${response.status}`);
  return /** @type {{ data: any }} */ (await response.json()).data;
};
const clients = await api('/clientia/clients?pageSize=100');
const busiest = clients.reduce((a, b) => (b.contacts > a.contacts ? b : a), clients[0]);
const threads = await api('/clientia/threads?state=open');
const contracts = /** @type {{ results: { documentId: string, state: string, completedHash: string | null }[] }} */ (
  await fetch(`${strapiUrl}/content-manager/collection-types/plugin::clientia.contract?pageSize=100`, { headers: { authorization: `Bearer ${token}` } }).then((r) =>
    r.json()
  )
).results;
const signed = contracts.find((contract) => contract.completedHash);
const outForSignature = contracts.find((contract) => contract.state === 'sent');
const draft = contracts.find((contract) => contract.state === 'draft');

const pages = [
  ['home', '/admin/plugins/clientia'],
  ['clients', '/admin/plugins/clientia/clients'],
  ['client-overview', `/admin/plugins/clientia/clients/${busiest.documentId}`],
  ['portal-preview', `/admin/plugins/clientia/clients/${busiest.documentId}/preview`],
  ['inbox', '/admin/plugins/clientia/inbox'],
  ...(threads.length ? [['thread', `/admin/plugins/clientia/inbox/${threads[0].documentId}`]] : []),
  ['branding-settings', '/admin/settings/clientia/branding'],
  ...(signed ? [['contract-signing-signed', `/admin/plugins/clientia/contracts/${signed.documentId}/signing`]] : []),
  ...(outForSignature ? [['contract-signing-sent', `/admin/plugins/clientia/contracts/${outForSignature.documentId}/signing`]] : []),
  ...(draft
    ? [
        ['contract-signing-draft', `/admin/plugins/clientia/contracts/${draft.documentId}/signing`],
        ['contract-edit-panel', `/admin/content-manager/collection-types/plugin::clientia.contract/${draft.documentId}`],
      ]
    : []),
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
const page = await context.newPage();
const problems = [];
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
page.on('response', (response) => {
  if (response.status() >= 500) problems.push(`HTTP ${response.status()} ${response.url()}`);
});

await page.goto(`${strapiUrl}/admin/auth/login`);
await page.fill('input[name=email]', secrets.DEMO_ADMIN_EMAIL);
await page.fill('input[name=password]', secrets.DEMO_ADMIN_PASSWORD);
await page.click('button[type=submit]');
await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 30_000 });

for (const [name, route] of pages) {
  await page.goto(`${strapiUrl}${route}`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`${name.padEnd(18)} ${file}`);
}
await browser.close();
if (problems.length) {
  console.error(`\n${problems.length} problems while loading the pages:\n${problems.join('\n')}`);
  process.exit(1);
}
