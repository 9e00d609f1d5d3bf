#!/usr/bin/env node
/**
 * `npm run check:images`: the two Dockerfiles, followed step by step without a Docker engine
 * (see build.mjs), give images that start and serve. For each image the last stage's folder is
 * what the image would hold; its CMD is started there with the image's ENV, and its HEALTHCHECK
 * command is run until it passes. Strapi starts on SQLite with secrets made for this run, the
 * portal against that Strapi. Then: the plugin's branding route and the admin panel answer, the
 * portal serves its sign-in page, and neither image carries the repository's development tools.
 * `--keep` keeps the temporary folder and its logs. Exits 1 when any check fails.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { STRAPI_SECRETS } from '../lib/env-file.mjs';
import { freePort, killAll } from '../plugin-install/processes.mjs';
import { buildImage, sizeMb } from './build.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const keep = process.argv.includes('--keep');
const work = mkdtempSync(path.join(os.tmpdir(), 'clientia-images-'));

/** Tools of the repository's own development that have no business in a production image. */
const DEVELOPMENT_TOOLS = ['jest', 'eslint', 'lighthouse', 'playwright-core', 'supertest', 'autocannon', 'vitest', 'smtp-server'];

// Installing during a build may reach the npm registry, as `docker build` would; the outbound
// recorder is about the product at run time, so it is off for the build steps only.
const buildEnv = {
  ...process.env,
  CLIENTIA_NET_LOG: '',
  STRAPI_TELEMETRY_DISABLED: 'true',
  ASTRO_TELEMETRY_DISABLED: '1',
  npm_config_prefer_offline: 'true',
  npm_config_update_notifier: 'false',
};
// What a container's environment holds besides the image's ENV: no repository settings.
const runEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => ['PATH', 'HOME', 'TMPDIR', 'LANG', 'CLIENTIA_NET_LOG', 'NODE_OPTIONS'].includes(key))
);

let passed = 0;
/** @type {string[]} */
const failed = [];
/** @param {string} label @param {boolean} ok @param {string} [detail] */
const expect = (label, ok, detail = '') => {
  if (ok) passed += 1;
  else failed.push(detail ? `${label}: ${detail}` : label);
  console.log(`  ${ok ? '✓' : '✗'} ${label}${ok || !detail ? '' : ` — ${detail}`}`);
  return ok;
};

/** @type {{ name: string, ms: number }[]} */
const timings = [];
/** @template T @param {string} name @param {() => Promise<T>} step @returns {Promise<T>} */
const timed = async (name, step) => {
  console.log(`▸ ${name}`);
  const started = performance.now();
  try {
    return await step();
  } finally {
    timings.push({ name, ms: performance.now() - started });
  }
};

/** @type {import('node:child_process').ChildProcess[]} */
const servers = [];

/**
 * The image's CMD in its WORKDIR, until its HEALTHCHECK command passes (the port the image names
 * is swapped for `port` in both).
 * @param {import('./build.mjs').BuiltStage} image @param {Record<string, string>} env @param {string} log @param {number} port
 */
const startImage = async (image, env, log, port) => {
  const imagePort = image.env.PORT;
  const [command, ...args] = /** @type {string[]} */ (image.cmd);
  const child = spawn(command, args, {
    cwd: path.join(image.root, image.workdir),
    env: { ...runEnv, ...image.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  servers.push(child);
  child.stdout?.on('data', (chunk) => appendFileSync(log, chunk));
  child.stderr?.on('data', (chunk) => appendFileSync(log, chunk));
  let exit = /** @type {string | null} */ (null);
  child.on('exit', (code, signal) => (exit = signal ?? `exit ${code}`));
  const health = (image.health ?? '').replaceAll(`:${imagePort}/`, `:${port}/`);
  const started = performance.now();
  const deadline = Date.now() + 180_000;
  while (!exit && Date.now() < deadline) {
    const ok = await new Promise((resolve) => {
      const probe = spawn('bash', ['-c', health], { cwd: path.join(image.root, image.workdir), env: { ...runEnv, NODE_OPTIONS: '' }, stdio: 'ignore' });
      probe.on('exit', (code) => resolve(code === 0));
    });
    if (ok) return { url: `http://127.0.0.1:${port}`, ms: performance.now() - started };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const end = existsSync(log) ? readFileSync(log, 'utf8').trimEnd().split('\n').slice(-20).join('\n') : '';
  throw new Error(`${command} ${args.join(' ')} ${exit ? `stopped (${exit})` : 'did not pass its health check in 180 s'}:\n${end}`);
};

/** @param {string} url */
const get = async (url) => {
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(30_000) });
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') ?? '' };
};

/** @param {import('./build.mjs').BuiltStage} image @param {string} label */
const checkContents = (image, label) => {
  const modules = path.join(image.root, 'app', 'node_modules');
  const present = DEVELOPMENT_TOOLS.filter((name) => existsSync(path.join(modules, name)));
  expect(`${label} image carries none of ${DEVELOPMENT_TOOLS.join(', ')}`, present.length === 0, `found ${present.join(', ')}`);
  console.log(`  ${label} image: ${sizeMb(image.root)} MB of files (node_modules ${sizeMb(modules)} MB)`);
};

const startedAll = performance.now();
let failure = /** @type {unknown} */ (null);
try {
  const missing = ['python3', 'make', 'g++'].filter((tool) => !process.env.PATH?.split(':').some((dir) => existsSync(path.join(dir, tool))));
  if (missing.length) throw new Error(`the Strapi image's build stage installs ${missing.join(', ')} with apt-get; install them here first`);

  const strapi = await timed('Strapi image: build stages', () =>
    buildImage({ dockerfile: path.join(root, 'strapi/Dockerfile'), context: root, work: path.join(work, 'strapi'), env: buildEnv, log: path.join(work, 'strapi-build.log') })
  );
  checkContents(strapi, 'Strapi');
  const catalogues = path.join(strapi.root, 'app', 'plugin-clientia', 'server', 'catalogues');
  expect(
    "Strapi image carries the plugin's message catalogues",
    ['en', 'de'].every((language) => ['email', 'documents'].every((surface) => existsSync(path.join(catalogues, language, `${surface}.json`)))),
    `none at ${path.relative(strapi.root, catalogues)}`
  );
  const portal = await timed('portal image: build stages', () =>
    buildImage({ dockerfile: path.join(root, 'portal-site/Dockerfile'), context: root, work: path.join(work, 'portal'), env: buildEnv, log: path.join(work, 'portal-build.log') })
  );
  checkContents(portal, 'portal');

  const secrets = Object.fromEntries(Object.entries(STRAPI_SECRETS).map(([key, make]) => [key, make()]));
  const portalPort = await freePort();
  const cms = await timed('Strapi image: start', async () =>
    startImage(strapi, { ...secrets, HOST: '127.0.0.1', PORTAL_URL: `http://127.0.0.1:${portalPort}` }, path.join(work, 'strapi-run.log'), await freePort())
  );
  expect(`Strapi passes its HEALTHCHECK (${(cms.ms / 1000).toFixed(1)} s after start)`, true);
  const branding = await get(`${cms.url}/api/clientia/branding`);
  expect('Strapi serves GET /api/clientia/branding', branding.status === 200 && branding.type.includes('json'), `HTTP ${branding.status}`);
  const admin = await get(`${cms.url}/admin`);
  expect('Strapi serves the built admin panel at /admin', admin.status === 200 && admin.text.includes('<div id="strapi"'), `HTTP ${admin.status}`);

  // Its port is chosen before Strapi starts, since Strapi's PORTAL_URL and its PUBLIC_URL name it.
  const site = await timed('portal image: start', () =>
    startImage(portal, { HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${portalPort}`, STRAPI_URL: cms.url }, path.join(work, 'portal-run.log'), portalPort)
  );
  expect(`the portal passes its HEALTHCHECK against Strapi (${(site.ms / 1000).toFixed(1)} s after start)`, true);
  const signIn = await get(`${site.url}/sign-in`);
  expect('the portal serves /sign-in with its form', signIn.status === 200 && signIn.text.includes('<form'), `HTTP ${signIn.status}`);
} catch (error) {
  failure = error;
} finally {
  for (const child of servers) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
  await killAll();
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

console.log(`\n${timings.map(({ name, ms }) => `${name.padEnd(32)} ${(ms / 1000).toFixed(1).padStart(6)} s`).join('\n')}`);
console.log(`${'total'.padEnd(32)} ${((performance.now() - startedAll) / 1000).toFixed(1).padStart(6)} s · ${passed} passed, ${failed.length} failed`);
if (failure) console.error(`\n✗ stopped early: ${failure instanceof Error ? failure.message : failure}`);
for (const line of failed) console.error(`✗ ${line}`);
process.exit(failure || failed.length ? 1 : 0);
