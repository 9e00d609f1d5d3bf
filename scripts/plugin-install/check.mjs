#!/usr/bin/env node
/**
 * `npm run check:plugin-install`: the packed plugin installs into a plain Strapi 5 app that is not
 * ours, and leaves that app's own content, roles and record alone.
 *
 *   1. builds the plugin when stale, `strapi-plugin verify`, `npm pack`;
 *   2. writes a plain app (its own `api::note.note`, a note, a Public role that reads notes, an
 *      Editors role) into a temporary folder and installs it from the npm cache;
 *   3. boots it without the plugin on each database, gives it its own users-permissions reset page
 *      and reset email sender (as a firm whose website users reset their passwords there would
 *      have), and records its roles, content types, note and those settings;
 *   4. installs the tarball, adds the plugin's lines to config/plugins.ts and nothing else (the
 *      plugin README's install steps; it places its middlewares itself), builds the admin and boots again:
 *      plugin routes, admin panel bundle, admin routes, private contract files, and the app's own
 *      things unchanged; a new database with the plugin from its first boot gets the same roles,
 *      and the portal's reset page where users-permissions had none;
 *   5. installs the same package as the next version over that data and boots again: the client
 *      made in 4, the note and the app's own settings are still there.
 * SQLite always; PostgreSQL and MariaDB when they answer. Everything it made is removed at the end,
 * also after a failure (`--keep` keeps the temporary folder and its logs; `--sqlite-only` skips the
 * database servers). Exits 1 when any check fails.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { PDFDocument, StandardFonts } from 'pdf-lib';

import { NOTE, PLUGIN_LINES, SHARED_ADMIN_PACKAGES, appVersions, enablePlugin, generateSecrets, packageCopies, writeApp } from './app.mjs';
import { accountEmailChanges, apiAt, contentTypeChanges, describe, readAppState, roleChanges, setAccountEmailSettings } from './app-state.mjs';
import { mariadbDatabase, postgresDatabase, sqliteDatabase } from './databases.mjs';
import { buildPluginIfStale, packPlugin, repackAsNextVersion, verifyPlugin } from './package.mjs';
import { capture, freePort, killAll, startStrapi, stopStrapi } from './processes.mjs';
import { formatTable } from './report.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const keep = process.argv.includes('--keep');
const sqliteOnly = process.argv.includes('--sqlite-only');
const work = mkdtempSync(path.join(os.tmpdir(), 'clientia-plugin-install-'));
const appDir = path.join(work, 'app');
const logs = path.join(work, 'logs');
mkdirSync(logs);

const env = {
  ...process.env,
  NODE_ENV: 'development',
  STRAPI_TELEMETRY_DISABLED: 'true',
  NO_UPDATE_NOTIFIER: '1',
  BROWSER: 'none',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};
// The repository's own Strapi settings must not leak into the plain app.
for (const key of ['DATABASE_URL', 'DATABASE_FILENAME', 'PORT', 'HOST', 'PORTAL_URL']) delete env[key];

/** @typedef {import('./databases.mjs').Database} Database */
/**
 * One database's checks. Its lines are printed together when a phase ends, since the databases
 * of a phase are checked side by side.
 * @typedef {{ database: Database, passed: number, failed: string[], lines: string[], boots: number[], log?: string, state?: import('./app-state.mjs').AppState, clientId?: string }} Run
 */

/** @type {{ label: string, ms: number }[]} */
const timings = [];
/** @template T @param {string} label @param {() => Promise<T>} step @returns {Promise<T>} */
const timed = async (label, step) => {
  const started = performance.now();
  console.log(`▸ ${label}`);
  const result = await step();
  timings.push({ label, ms: performance.now() - started });
  return result;
};
/** @param {string} label */
const took = (label) => timings.filter((t) => t.label === label).reduce((sum, t) => sum + t.ms, 0);

/** Package-level checks (one each), then one list per database. */
const general = { passed: 0, failed: /** @type {string[]} */ ([]) };
/** @param {{ passed: number, failed: string[], lines?: string[] }} tally @param {string} label @param {boolean} ok @param {string} [detail] */
const expect = (tally, label, ok, detail = '') => {
  if (ok) tally.passed += 1;
  else tally.failed.push(detail ? `${label}: ${detail}` : label);
  const line = `  ${ok ? '✓' : '✗'} ${label}${ok || !detail ? '' : ` — ${detail}`}`;
  if (tally.lines) tally.lines.push(line);
  else console.log(line);
  return ok;
};

/**
 * `npm install` in the app, from the npm cache where it can. Reaching the npm registry is allowed
 * for installing (a cache filled by `npm ci` holds tarballs but not always every package's
 * metadata), so the outbound-connection recorder of CI, which is about the product at run time,
 * does not count npm.
 * @param {string[]} args @param {string} log
 */
const npmInstall = (args, log) =>
  capture('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', ...args], {
    cwd: appDir,
    env: { ...env, CLIENTIA_NET_LOG: '' },
    log: path.join(logs, log),
  });

/**
 * better-sqlite3 is installed with --ignore-scripts (its install script would try to download a
 * prebuilt binary and then compile for minutes): the repository's own build of the same version,
 * made for this Node, is copied in. Any other version is compiled from source as npm would.
 */
const provideSqliteBinding = async () => {
  const version = (/** @type {string} */ dir) => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  const target = path.join(appDir, 'node_modules', 'better-sqlite3');
  const source = [path.join(root, 'strapi', 'node_modules', 'better-sqlite3'), path.join(root, 'node_modules', 'better-sqlite3')].find(
    (dir) => existsSync(path.join(dir, 'build', 'Release', 'better_sqlite3.node'))
  );
  if (source && version(source) === version(target)) {
    mkdirSync(path.join(target, 'build', 'Release'), { recursive: true });
    copyFileSync(path.join(source, 'build', 'Release', 'better_sqlite3.node'), path.join(target, 'build', 'Release', 'better_sqlite3.node'));
  } else {
    await capture('npm', ['rebuild', 'better-sqlite3', '--build-from-source'], { cwd: appDir, env, log: path.join(logs, 'better-sqlite3.log') });
  }
  await capture(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"], { cwd: appDir, env });
};

/**
 * The app's own users-permissions settings for its website users' "forgot password" email: its
 * own reset page and sender, which the plugin must not take over.
 */
const APP_ACCOUNT_EMAILS = {
  resetPasswordUrl: 'https://www.northbank.example/account/reset-password',
  resetPasswordSender: { name: 'Northbank Studio', email: 'hello@northbank.example' },
};
/** Where the plugin points users-permissions' reset link when the app had none: the portal's page. */
const PORTAL_RESET_URL = `${/portalUrl:\s*['"]([^'"]+)['"]/.exec(PLUGIN_LINES)?.[1]?.replace(/\/+$/, '') ?? '(no portalUrl in PLUGIN_LINES)'}/reset-password`;

const ADMIN = { firstname: 'Morgan', lastname: 'Lee', email: 'morgan.lee@northbank.example', password: `Admin-${Date.now().toString(36)}-Pw1` };

/** @param {Run} run @param {string} phase */
const boot = async (run, phase) => {
  run.log = path.join(logs, `${run.database.name}-${phase}.log`.replace(/[^\w.-]+/g, '-'));
  const server = await startStrapi({ appDir, env: { ...env, ...run.database.env }, port: await freePort(), log: run.log });
  run.boots.push(server.ms);
  run.lines.push(`  ${run.database.name}: Strapi up in ${(server.ms / 1000).toFixed(1)} s`);
  return server;
};

/** @param {import('./app-state.mjs').Api} api */
const adminLogin = async (api) => {
  const login = await api('POST', '/admin/login', { body: { email: ADMIN.email, password: ADMIN.password } });
  return { login, token: /** @type {string | undefined} */ (login.json?.data?.token) };
};

/** Step 3: the app as the firm runs it today, without the plugin. @param {Run} run */
const bootWithoutPlugin = async (run) => {
  const server = await boot(run, '1-without-plugin');
  try {
    const api = apiAt(server.url);
    // First boot of a new app: the first admin registers, as on the admin's welcome page.
    const registered = await api('POST', '/admin/register-admin', { body: ADMIN });
    if (!expect(run, 'the first admin registers', registered.status === 200 || registered.status === 201, describe(registered))) return;
    const token = registered.json.data.token;
    await setAccountEmailSettings(api, token, APP_ACCOUNT_EMAILS);
    const state = await readAppState(api, token);
    const ownSettings = accountEmailChanges(APP_ACCOUNT_EMAILS, state.accountEmails);
    expect(run, 'the app’s own reset password page and reset email sender are saved in users-permissions', ownSettings.length === 0, ownSettings.join('; '));
    const note = state.notes[0];
    expect(run, 'the app made its note at first boot', state.notes.length === 1 && note.title === NOTE.title && note.body === NOTE.body, JSON.stringify(state.notes));
    const types = state.roles.map((role) => role.type);
    expect(run, 'the app has the roles Public, Authenticated and Editors', ['public', 'authenticated', 'editors'].every((type) => types.includes(type)), types.join(', '));
    const publicRole = state.roles.find((role) => role.type === 'public');
    expect(
      run,
      'Public may find and findOne notes',
      ['api::note.note.find', 'api::note.note.findOne'].every((action) => publicRole?.actions.includes(action)),
      publicRole?.actions.join(', ')
    );
    expect(run, 'no Clientia content type yet', !Object.keys(state.contentTypes).some((uid) => uid.startsWith('plugin::clientia.')));
    run.state = state;
  } finally {
    await stopStrapi(server);
  }
};

/** Step 4: the same data after installing the plugin. @param {Run} run */
const bootWithPlugin = async (run) => {
  const server = await boot(run, '2-with-plugin');
  try {
    const api = apiAt(server.url);
    const branding = await api('GET', '/api/clientia/branding');
    expect(run, 'GET /api/clientia/branding answers 200 with JSON', branding.status === 200 && typeof branding.json?.data === 'object', describe(branding));

    const signIn = await api('POST', '/api/clientia/sign-in/password', { body: { email: 'someone@example.test' } });
    const fields = (signIn.json?.error?.details?.errors ?? []).flatMap((/** @type {{ path: string[] }} */ error) => error.path);
    expect(run, 'POST /api/clientia/sign-in/password without a password answers 400 naming the field', signIn.status === 400 && fields.includes('password'), describe(signIn));

    const { login, token } = await adminLogin(api);
    if (!expect(run, 'the app’s existing admin logs in at /admin/login', login.status === 200 && Boolean(token), describe(login)) || !token) return;

    const overview = await api('GET', '/clientia/overview', { token });
    expect(run, 'GET /clientia/overview (plugin admin route) answers 200', overview.status === 200 && typeof overview.json?.data === 'object', describe(overview));

    await compareWithFirstBoot(run, api, token);

    const created = await api('POST', '/content-manager/collection-types/plugin::clientia.client', {
      token,
      body: { name: 'Harbour Lights Ltd', slug: 'harbour-lights', currency: 'EUR' },
    });
    const clientId = created.json?.data?.documentId;
    if (expect(run, 'a Clientia client is created through the Content Manager', (created.status === 200 || created.status === 201) && Boolean(clientId), describe(created))) {
      run.clientId = clientId;
      await checkPrivateFiles(run, api, token, clientId);
    }
  } finally {
    await stopStrapi(server);
  }
};

/**
 * A new database with the plugin there from the first boot (a new environment of the firm's app:
 * a developer's clone, a staging copy): users-permissions must still make its Public and
 * Authenticated roles with their default permissions, and the app its note and Editors role,
 * exactly as without the plugin.
 * @param {Run} run @param {import('./app-state.mjs').AppState} withoutPlugin the first boot's record on the same database kind
 */
const bootNewDatabaseWithPlugin = async (run, withoutPlugin) => {
  const server = await boot(run, '2-new-database-with-plugin');
  try {
    const api = apiAt(server.url);
    const registered = await api('POST', '/admin/register-admin', { body: ADMIN });
    if (!expect(run, 'new database with the plugin: the first admin registers', registered.status === 200 || registered.status === 201, describe(registered))) return;
    const state = await readAppState(api, registered.json.data.token);
    const roles = roleChanges(withoutPlugin.roles, state.roles);
    expect(run, 'new database with the plugin: the same roles and permissions as without it', roles.length === 0, roles.join('; '));
    expect(run, 'new database with the plugin: the app made its note', state.notes.length === 1 && state.notes[0].title === NOTE.title, JSON.stringify(state.notes));
    // users-permissions' stock settings are the plugin's to set: its forgot-password email leads to the portal.
    const { resetPasswordUrl, resetPasswordSender } = state.accountEmails;
    expect(run, `new database with the plugin: the reset password page is the portal's (${PORTAL_RESET_URL})`, resetPasswordUrl === PORTAL_RESET_URL, JSON.stringify(resetPasswordUrl));
    expect(
      run,
      'new database with the plugin: the reset email no longer comes from users-permissions’ stock sender',
      resetPasswordSender?.email !== 'no-reply@strapi.io',
      JSON.stringify(resetPasswordSender)
    );
  } finally {
    await stopStrapi(server);
  }
};

/** A one-page PDF, as a firm would upload a contract. @param {string} text */
const contractPdf = async (text) => {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595, 842]).drawText(text, { x: 60, y: 760, size: 12, font });
  return Buffer.from(await pdf.save());
};

/**
 * The middlewares the plugin placed itself at work: a contract's PDF goes to the private store,
 * never the media library, while a file of the app's own media library is still served from
 * `/uploads`; and a multipart body is refused where no route takes files.
 * @param {Run} run @param {import('./app-state.mjs').Api} api @param {string} token @param {string} clientId
 */
const checkPrivateFiles = async (run, api, token, clientId) => {
  const media = async () => (await api('GET', '/upload/files?pageSize=1', { token })).json?.pagination?.total;
  const before = await media();
  const own = new FormData();
  own.append('files', new Blob(['%PDF-1.4\n% opening-hours\n%%EOF\n'], { type: 'application/pdf' }), 'opening-hours.pdf');
  const ownReply = await api('POST', '/upload', { token, form: own });
  expect(run, 'the media library takes the app’s own file', ownReply.status === 201 || ownReply.status === 200, describe(ownReply));
  const ownFile = ownReply.json?.[0];

  const contract = await api('POST', `/clientia/clients/${clientId}/contracts`, { token, body: { title: 'Master services agreement', kind: 'msa' } });
  if (!expect(run, 'a draft contract is created in the contract editor', contract.status === 201 || contract.status === 200, describe(contract))) return;
  const form = new FormData();
  form.append('file', new Blob([await contractPdf('Master services agreement')], { type: 'application/pdf' }), 'signed-msa.pdf');
  const uploaded = await api('POST', `/clientia/contracts/${contract.json.data.contract.documentId}/file`, { token, form });
  expect(run, 'the contract’s PDF goes to private storage', uploaded.status === 200 && uploaded.json?.data?.contract?.file?.storage === 'private', describe(uploaded));
  const after = await media();
  expect(run, 'the contract’s PDF is not in the media library (only the app’s own file was added)', before !== undefined && after === before + 1, `media library ${before} → ${after}`);
  if (ownFile) {
    const served = await api('GET', ownFile.url);
    expect(run, 'the app’s own upload is still served from /uploads', served.status === 200, `HTTP ${served.status} for ${ownFile.url}`);
  }
  const refused = new FormData();
  refused.append('file', new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' }), 'x.pdf');
  const notAFileRoute = await api('POST', '/api/auth/local', { form: refused });
  expect(run, 'a multipart body is refused where no route takes files (request-files)', notAFileRoute.status === 415, describe(notAFileRoute));
};

/** Step 5: after installing the next version over the data. @param {Run} run */
const bootAfterUpgrade = async (run) => {
  const server = await boot(run, '3-after-upgrade');
  try {
    const api = apiAt(server.url);
    const branding = await api('GET', '/api/clientia/branding');
    expect(run, 'after the upgrade GET /api/clientia/branding answers 200', branding.status === 200, describe(branding));
    const { login, token } = await adminLogin(api);
    if (!expect(run, 'after the upgrade the admin logs in', login.status === 200 && Boolean(token), describe(login)) || !token) return;
    if (run.clientId) {
      const client = await api('GET', `/content-manager/collection-types/plugin::clientia.client/${run.clientId}`, { token });
      expect(run, 'after the upgrade the client is still there', client.status === 200 && client.json?.data?.name === 'Harbour Lights Ltd', describe(client));
      const viaPlugin = await api('GET', `/clientia/clients/${run.clientId}`, { token });
      expect(run, 'after the upgrade GET /clientia/clients/:documentId answers 200', viaPlugin.status === 200, describe(viaPlugin));
    } else {
      expect(run, 'after the upgrade the client is still there', false, 'no client was created before the upgrade');
    }
    await compareWithFirstBoot(run, api, token, 'after the upgrade ');
  } finally {
    await stopStrapi(server);
  }
};

/**
 * The app's note, roles, content types and users-permissions email settings as they were before
 * the plugin came.
 * @param {Run} run @param {import('./app-state.mjs').Api} api @param {string} token
 */
const compareWithFirstBoot = async (run, api, token, when = '') => {
  const before = /** @type {import('./app-state.mjs').AppState} */ (run.state);
  const now = await readAppState(api, token);
  expect(run, `${when}/api/notes serves the same note`, JSON.stringify(now.notes) === JSON.stringify(before.notes), JSON.stringify(now.notes));
  const noteId = before.notes[0]?.documentId;
  const one = await api('GET', `/api/notes/${noteId}`);
  expect(run, `${when}/api/notes/:documentId serves it to the public`, one.status === 200 && one.json?.data?.title === NOTE.title, describe(one));
  const roles = roleChanges(before.roles, now.roles);
  expect(run, `${when}the app's roles and their permissions are unchanged`, roles.length === 0, roles.join('; '));
  const types = contentTypeChanges(before.contentTypes, now.contentTypes);
  expect(run, `${when}the app's content types are unchanged`, types.length === 0, types.join('; '));
  const accountEmails = accountEmailChanges(before.accountEmails, now.accountEmails);
  expect(run, `${when}the app's own reset password page and reset email sender are unchanged`, accountEmails.length === 0, accountEmails.join('; '));
  // The plugin says once per start which of them it left alone, by name and not by value.
  const kept = readFileSync(/** @type {string} */ (run.log), 'utf8')
    .split('\n')
    .filter((line) => line.includes('[clientia] users-permissions settings kept as the app'));
  expect(
    run,
    `${when}the start log names the settings kept as the app's own (page, sender, and with the page its text), once and without their values`,
    kept.length === 1 && kept[0].includes('Reset password page') && kept[0].includes('Reset password: shipper name and email') && !/northbank/i.test(kept[0]),
    kept.join(' | ') || 'no such line'
  );
  const clientiaTypes = Object.keys(now.contentTypes).filter((uid) => uid.startsWith('plugin::clientia.'));
  expect(run, `${when}the Content Manager lists plugin::clientia.client`, clientiaTypes.includes('plugin::clientia.client'), clientiaTypes.join(', '));
};

/** The admin bundle `strapi build` made must carry the plugin's panels. */
const checkAdminBundle = () => {
  const registry = path.join(appDir, '.strapi', 'client', 'app.js');
  expect(
    general,
    'the admin build registers the plugin (.strapi/client/app.js imports strapi-plugin-clientia/strapi-admin)',
    existsSync(registry) && readFileSync(registry, 'utf8').includes('strapi-plugin-clientia/strapi-admin')
  );
  const buildDir = path.join(appDir, 'dist', 'build');
  const scripts = existsSync(buildDir)
    ? readdirSync(buildDir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(m?js)$/.test(file))
    : [];
  const text = scripts.map((file) => readFileSync(path.join(buildDir, file), 'utf8')).join('\n');
  // The menu's and settings' labels and the home page's title come only from the plugin's admin code.
  const markers = ['Portal branding', 'Needs attention'];
  const missing = markers.filter((marker) => !text.includes(marker));
  expect(general, 'the built admin bundle contains the Clientia panels', scripts.length > 0 && missing.length === 0, `missing ${missing.join(', ')}`);
};

/**
 * One phase on every database side by side (each has its own Strapi process, port and database),
 * which on two cores takes about half as long as one after the other. A database that fails
 * (Strapi does not start on it, say) does not keep the others from being checked.
 * @param {string} label @param {Run[]} selected @param {(run: Run) => Promise<void>} phase
 */
const eachRun = (label, selected, phase) =>
  timed(label, () =>
    Promise.all(
      selected.map(async (run) => {
        try {
          await phase(run);
        } catch (error) {
          expect(run, label, false, error instanceof Error ? error.message : String(error));
          // Without the first boot's record there is nothing to compare later phases with.
          if (phase === bootWithoutPlugin) run.state = undefined;
        } finally {
          console.log(run.lines.splice(0).join('\n'));
        }
      })
    )
  );


/** @type {Run[]} */
const runs = [];
/** @type {string[]} */
const skipped = [];
let failure = /** @type {unknown} */ (null);
const startedAll = performance.now();

/** @type {Promise<void> | undefined} */
let tearingDown;
/** Once only, whether reached from the end of the run or from Ctrl-C in the middle of it. */
const teardown = () => (tearingDown ??= tearDownOnce());
const tearDownOnce = async () => {
  await killAll();
  for (const run of runs) {
    try {
      await run.database.drop();
    } catch (error) {
      console.error(`could not drop the ${run.database.name} database: ${error instanceof Error ? error.message : error}`);
    }
  }
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
};

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, async () => {
    console.error(`\n${signal}: tearing down`);
    await teardown();
    process.exit(130);
  });
}

try {
  const rebuilt = await timed('plugin build (when stale)', () => buildPluginIfStale(root));
  if (rebuilt) console.log('  the plugin was rebuilt');
  await timed('strapi-plugin verify', () => verifyPlugin(root));
  expect(general, 'strapi-plugin verify passes', true);
  const packed = await timed('npm pack', () => packPlugin(root, path.join(work, 'package')));
  expect(general, `npm pack gives ${path.basename(packed.tarball)} (${packed.entryCount} files, ${Math.round(packed.size / 1024)} kB, no install scripts)`, true);
  const next = repackAsNextVersion(packed.tarball, path.join(work, 'next'));

  const versions = appVersions(root);
  writeApp(appDir, versions, generateSecrets());
  console.log(`  plain app in ${appDir}: @strapi/strapi ${versions.dependencies['@strapi/strapi']}`);
  await timed('app install', async () => {
    await npmInstall([], 'npm-install-app.log');
    await provideSqliteBinding();
  });
  // Only the server code is compiled for the first boot: the admin panel is built once, with the plugin.
  await timed('server compile', () =>
    capture(process.execPath, ['-e', "require('@strapi/strapi').compileStrapi({ appDir: process.cwd() }).then(() => process.exit(0))"], {
      cwd: appDir,
      env,
      log: path.join(logs, 'compile.log'),
    })
  );

  /** @type {(Database | string)[]} */
  const databases = [sqliteDatabase(work)];
  if (sqliteOnly) databases.push('PostgreSQL and MariaDB (--sqlite-only)');
  else {
    databases.push(await postgresDatabase());
    databases.push('mysql2' in versions.dependencies ? await mariadbDatabase() : 'mysql2 is not in the repository’s lockfile');
  }
  for (const database of databases) {
    if (typeof database === 'string') skipped.push(database);
    else runs.push({ database, passed: 0, failed: [], lines: [], boots: [] });
  }

  await eachRun('first boot without the plugin', runs, bootWithoutPlugin);

  const copiesBefore = packageCopies(appDir, SHARED_ADMIN_PACKAGES);
  await timed('plugin install', () => npmInstall([packed.tarball], 'npm-install-plugin.log'));
  const copiesAfter = packageCopies(appDir, SHARED_ADMIN_PACKAGES);
  const extra = SHARED_ADMIN_PACKAGES.flatMap((name) => copiesAfter[name].filter((copy) => !copiesBefore[name].includes(copy)));
  const missing = SHARED_ADMIN_PACKAGES.filter((name) => copiesAfter[name].length === 0);
  expect(
    general,
    `the plugin uses the app's own ${SHARED_ADMIN_PACKAGES.join(', ')} (no second copy installed)`,
    extra.length === 0 && missing.length === 0,
    [...extra.map((copy) => `added ${copy}`), ...missing.map((name) => `no ${name} at all`)].join('; ')
  );
  enablePlugin(appDir);
  await timed('admin build', () => capture('npx', ['--no-install', 'strapi', 'build'], { cwd: appDir, env, log: path.join(logs, 'strapi-build.log') }));
  checkAdminBundle();

  // Besides the existing data, a new database with the plugin from its first boot. Plugin load
  // order does not depend on the database: SQLite stands for all three here.
  const withData = runs.filter((r) => r.state);
  const sqliteRun = withData.find((r) => r.database.name === 'SQLite');
  /** @type {Run[]} */
  const fresh = [];
  if (sqliteRun) {
    mkdirSync(path.join(work, 'new-database'));
    fresh.push({ database: { ...sqliteDatabase(path.join(work, 'new-database')), name: 'SQLite, new database' }, passed: 0, failed: [], lines: [], boots: [] });
    runs.push(...fresh);
  }
  await eachRun('boot with the plugin', [...withData, ...fresh], (run) =>
    fresh.includes(run) ? bootNewDatabaseWithPlugin(run, /** @type {import('./app-state.mjs').AppState} */ (sqliteRun?.state)) : bootWithPlugin(run)
  );

  await timed('plugin upgrade install', () => npmInstall([next.tarball], 'npm-install-upgrade.log'));
  const installed = JSON.parse(readFileSync(path.join(appDir, 'node_modules', packed.name, 'package.json'), 'utf8')).version;
  expect(general, `the upgrade installs ${packed.name} ${next.version} over ${packed.version}`, installed === next.version, `installed ${installed}`);

  await eachRun('boot after the upgrade', withData, bootAfterUpgrade);
} catch (error) {
  failure = error;
} finally {
  // The logs go with the temporary folder: show the end of each failing database's last one.
  for (const run of runs.filter((r) => r.failed.length && r.log && existsSync(r.log))) {
    // eslint-disable-next-line no-control-regex -- terminal colour codes
    const lines = readFileSync(/** @type {string} */ (run.log), 'utf8').replace(/\u001b\[[0-9;]*m/g, '').trimEnd().split('\n');
    console.error(`\n── end of ${path.basename(/** @type {string} */ (run.log))}\n${lines.slice(-25).join('\n')}`);
  }
  await teardown();
}

const failed = [...general.failed, ...runs.flatMap((run) => run.failed.map((f) => `${run.database.name}: ${f}`))];
console.log(
  `\n${formatTable({
    rows: runs.map((run) => ({
      database: run.database.name,
      installMs: took('app install') + took('plugin install'),
      buildMs: took('server compile') + took('admin build'),
      bootsMs: run.boots,
      passed: run.passed,
      total: run.passed + run.failed.length,
    })),
    general,
    steps: timings,
    totalMs: performance.now() - startedAll,
  })}`
);
for (const reason of skipped) console.log(`skipped: ${reason}`);
if (failure) console.error(`\n✗ stopped early: ${failure instanceof Error ? failure.message : failure}`);
for (const f of failed) console.error(`✗ ${f}`);
process.exit(failure || failed.length ? 1 : 0);
