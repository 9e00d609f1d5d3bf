/**
 * The built portal deployed on its own, as the portal README describes: `node ./dist/server/entry.mjs`
 * configured only by env, behind a TLS-terminating proxy on a domain the build never saw.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { freePort, root } from './lib/product.mjs';

const entry = path.join(root, 'portal-site', 'dist', 'server', 'entry.mjs');
const DOMAIN = 'portal.harbor-pine.test';

describe('the portal deployed on its own', { concurrency: false }, () => {
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let server;
  let base = '';
  let output = '';

  before(async () => {
    assert.ok(existsSync(entry), 'build the portal first: npm run build -w clientia-portal');
    const port = await freePort();
    const unusedStrapiPort = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [entry], {
      cwd: path.join(root, 'portal-site'),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: `https://${DOMAIN}`,
        STRAPI_URL: `http://127.0.0.1:${unusedStrapiPort}`,
        STRAPI_TIMEOUT_MS: '1000',
        SESSION_STORE: 'memory',
      },
    });
    server.stdout?.on('data', (chunk) => (output += chunk));
    server.stderr?.on('data', (chunk) => (output += chunk));
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const answer = await fetch(`${base}/health`).catch(() => null);
      if (answer) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.fail(`the portal did not start:\n${output}`);
  });

  after(() => {
    server?.kill('SIGTERM');
  });

  /** A request as the reverse proxy forwards it for the browser at 203.0.113.7. */
  const viaProxy = (pathname, init = {}, host = DOMAIN) =>
    fetch(`${base}${pathname}`, {
      redirect: 'manual',
      ...init,
      headers: { host, 'x-forwarded-host': host, 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7', ...init.headers },
    });

  it('answers its health check on any address, and says when Strapi is out of reach', async () => {
    const answer = await fetch(`${base}/health`);
    assert.equal(answer.status, 503);
    assert.deepEqual(await answer.json(), { status: 'degraded', strapi: 'unreachable' });
  });

  it('takes a form post on the domain it was started with, though the build never saw it', async () => {
    const answer = await viaProxy('/sign-out', { method: 'POST', headers: { origin: `https://${DOMAIN}`, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    assert.equal(answer.status, 303, await answer.text());
    assert.equal(answer.headers.get('location'), '/sign-in?notice=signed-out');
    assert.match(answer.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
  });

  it('refuses a post from another site', async () => {
    const answer = await viaProxy('/sign-out', { method: 'POST', headers: { origin: 'https://elsewhere.test', 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    assert.equal(answer.status, 403);
  });

  it('sends a visit through another host name to the firm’s domain, and refuses a write there', async () => {
    const visit = await viaProxy('/invoices?status=open', {}, 'portal-internal.test');
    assert.equal(visit.status, 308);
    assert.equal(visit.headers.get('location'), `https://${DOMAIN}/invoices?status=open`);
    const write = await viaProxy('/sign-out', { method: 'POST', headers: { origin: 'https://portal-internal.test' }, body: '' }, 'portal-internal.test');
    assert.equal(write.status, 421);
  });
});
