#!/usr/bin/env node
/**
 * `npm start`: the whole product on this machine with demo data. Builds what is missing or
 * stale, generates secrets on first run, starts Strapi and the portal, and stops both on Ctrl-C.
 *
 * Ports and database can be moved with STRAPI_PORT, PORTAL_PORT and DATABASE_FILENAME.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { demoContactLogins } from './lib/demo-logins.mjs';
import { ensureEnvFile, DEMO_SECRETS, STRAPI_SECRETS } from './lib/env-file.mjs';
import { buildIsStale } from './lib/build-state.mjs';
import { run, waitForHttp } from './lib/run.mjs';

const root = path.resolve(import.meta.dirname, '..');
const at = (...parts) => path.join(root, ...parts);
const bin = (name) => at('node_modules', '.bin', name);

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`Node ${process.versions.node} is too old: Clientia needs Node >= 22.12 (24 LTS recommended).`);
  process.exit(1);
}

const strapiPort = Number(process.env.STRAPI_PORT ?? 1337);
const portalPort = Number(process.env.PORTAL_PORT ?? 4321);
const strapiUrl = `http://localhost:${strapiPort}`;
const portalUrl = `http://localhost:${portalPort}`;

const offline = {
  STRAPI_TELEMETRY_DISABLED: 'true',
  ASTRO_TELEMETRY_DISABLED: '1',
  ASTRO_DISABLE_UPDATE_CHECK: 'true',
};

const envFile = at('strapi', '.env');
const { values: secrets, added } = ensureEnvFile(
  envFile,
  { ...STRAPI_SECRETS, ...DEMO_SECRETS },
  'Strapi secrets and demo logins for this machine'
);
if (added.length) console.log(`Generated ${added.length} secrets into ${path.relative(root, envFile)}`);

const step = async (label, fn) => {
  const started = Date.now();
  console.log(`\n▸ ${label}`);
  await fn();
  console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
};

if (buildIsStale(root, 'plugin')) {
  await step('Building the Clientia plugin', () => run('npm', ['run', 'build', '-w', 'plugin-clientia'], { cwd: root, env: { ...process.env, ...offline } }));
}
if (buildIsStale(root, 'strapi')) {
  await step('Building Strapi and its admin panel', () => run(bin('strapi'), ['build'], { cwd: at('strapi'), env: { ...process.env, ...offline } }));
}
if (buildIsStale(root, 'portal')) {
  await step('Building the portal', () => run(bin('astro'), ['build'], { cwd: at('portal-site'), env: { ...process.env, ...offline, PUBLIC_URL: portalUrl } }));
}

mkdirSync(at('strapi', '.tmp'), { recursive: true });

const children = new Set();
let stopping = false;

const stopAll = (code) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  const force = setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
  }, 10_000);
  force.unref();
  const wait = setInterval(() => {
    if ([...children].every((child) => child.exitCode !== null || child.signalCode !== null)) {
      clearInterval(wait);
      process.exit(code);
    }
  }, 100);
};

const launch = (name, command, args, options) => {
  const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  children.add(child);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`\n${name} stopped (${signal ?? `exit ${code}`}); stopping everything.`);
      stopAll(code || 1);
    }
  });
  return child;
};

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

console.log(`\n▸ Starting Strapi on ${strapiUrl}`);
launch('Strapi', bin('strapi'), ['start'], {
  cwd: at('strapi'),
  env: {
    ...process.env,
    ...offline,
    NODE_ENV: 'development',
    HOST: '0.0.0.0',
    PORT: String(strapiPort),
    PORTAL_URL: portalUrl,
    CLIENTIA_DEMO: 'true',
  },
});
await waitForHttp(`${strapiUrl}/_health`, { timeoutMs: 180_000, accept: (status) => status === 204 });

console.log(`\n▸ Starting the portal on ${portalUrl}`);
launch('Portal', process.execPath, [at('portal-site', 'dist', 'server', 'entry.mjs')], {
  cwd: at('portal-site'),
  env: {
    ...process.env,
    ...offline,
    HOST: '0.0.0.0',
    PORT: String(portalPort),
    STRAPI_URL: `http://127.0.0.1:${strapiPort}`,
    PUBLIC_URL: portalUrl,
  },
});
await waitForHttp(`${portalUrl}/health`, { timeoutMs: 60_000, accept: (status) => status === 200 });

// Where the emails the product sends end up, so nobody wonders why nothing arrived.
const mailGoesTo = process.env.SMTP_HOST
  ? `sent through ${process.env.SMTP_HOST}`
  : `written as .eml files to ${path.resolve(at('strapi'), process.env.EMAIL_OUTBOX_DIR ?? '.data/outbox')}`;

console.log(`
────────────────────────────────────────────────────────────────
  Clientia is running (demo data, SQLite)

  Admin panel   ${strapiUrl}/admin
                ${secrets.DEMO_ADMIN_EMAIL}  /  ${secrets.DEMO_ADMIN_PASSWORD}
  Client portal ${portalUrl}
${demoContactLogins().map((line) => `                ${line}  /  ${secrets.DEMO_CONTACT_PASSWORD}`).join('\n')}

  Emails        ${mailGoesTo}

  Logins live in strapi/.env (git-ignored). Ctrl-C stops both.
────────────────────────────────────────────────────────────────
`);
