#!/usr/bin/env node
/**
 * `npm run bench`: the portal's speed side by side with its floors, on the same data, in one run.
 *
 *   npm run bench                       tiers S and M, on SQLite and (when reachable) PostgreSQL
 *   npm run bench -- --tiers S          one tier
 *   npm run bench -- --db sqlite        one database
 *   npm run bench -- --large            adds tier L (10k clients, 1M invoices) on PostgreSQL
 *   npm run bench -- --quick            tier S, short runs, no Lighthouse (a smoke test)
 *   npm run bench -- --seconds 8        longer load runs (default 4 s each)
 *   npm run bench -- --reuse            keeps and reuses seeded databases between runs
 *   npm run bench -- --json out.json    where the figures go (default scripts/bench/.tmp/results/)
 *   npm run bench -- --strict           a missed target fails the run, not only a broken rule
 *
 * The run fails (exit 1) when a request made one at a time errors, or when the number of SQL queries a portal request
 * makes grows with the page size or the data (N+1).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { buildIsStale } from '../lib/build-state.mjs';
import { run } from '../lib/run.mjs';
import { postgresReachable, tierDatabase } from './databases.mjs';
import { prepareLedgerApp } from './ledger-app.mjs';
import { load, sequential } from './load.mjs';
import { measurePages } from './pages.mjs';
import { reachableRedis, root, rssOf, runSecrets, startFloorServer, startPortal, startStrapi } from './processes.mjs';
import { statementCounts } from './request-statements.mjs';
import { judge, printReport } from './report.mjs';
import { benchContact, PER_CLIENT, TIERS } from './seed.mjs';

const { values: args } = parseArgs({
  options: {
    tiers: { type: 'string' },
    db: { type: 'string' },
    large: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    seconds: { type: 'string' },
    reuse: { type: 'boolean', default: false },
    json: { type: 'string' },
    strict: { type: 'boolean', default: false },
    lighthouse: { type: 'boolean', default: true },
    'no-lighthouse': { type: 'boolean', default: false },
  },
});

const quick = args.quick;
const seconds = Number(args.seconds ?? (quick ? 1 : 4));
const warmupSeconds = quick ? 0.5 : 1;
const sequentialRequests = quick ? 30 : 100;
const memoryRequests = quick ? 2_000 : 10_000;
const withLighthouse = !quick && args.lighthouse && !args['no-lighthouse'];
const tiers = (args.tiers ?? (quick ? 'S' : 'S,M')).split(',').map((t) => t.trim().toUpperCase());
for (const tier of tiers) if (!(tier in TIERS)) throw new Error(`--tiers: unknown tier ${tier} (S, M or L)`);
const workDir = path.join(root, 'scripts', 'bench', '.tmp');
const started = Date.now();

const log = (line) => process.stderr.write(`${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s  ${line}\n`);

// The benchmark runs what a firm deploys: the built plugin, Strapi app and portal.
const offline = { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true', ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DISABLE_UPDATE_CHECK: 'true' };
if (buildIsStale(root, 'plugin')) await run('npm', ['run', 'build', '-w', 'plugin-clientia'], { cwd: root, env: offline });
if (buildIsStale(root, 'strapi')) await run(path.join(root, 'node_modules', '.bin', 'strapi'), ['build'], { cwd: path.join(root, 'strapi'), env: offline });
if (buildIsStale(root, 'portal')) await run(path.join(root, 'node_modules', '.bin', 'astro'), ['build'], { cwd: path.join(root, 'portal-site'), env: offline });

const dialects = (args.db ?? 'sqlite,postgres').split(',').map((d) => d.trim());
if (dialects.includes('postgres') && !(await postgresReachable())) {
  if (args.db) throw new Error('--db postgres: no PostgreSQL answers at BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres)');
  log('PostgreSQL is not reachable: SQLite only');
  dialects.splice(dialects.indexOf('postgres'), 1);
}
const dist = prepareLedgerApp(root, path.join(workDir, 'app'));
const redisUrl = await reachableRedis();
const secrets = runSecrets();

const PAGE_SIZE = 10;
const INVOICE_FIELDS = ['number', 'state', 'issueDate', 'dueDate', 'currency', 'total', 'paid', 'balance', 'periodStart', 'periodEnd'];
const strapiListQuery = (pageSize) =>
  [
    `pagination[page]=1`,
    `pagination[pageSize]=${pageSize}`,
    'sort[0]=issueDate:desc',
    'sort[1]=id:desc',
    'filters[state][$ne]=draft',
    ...INVOICE_FIELDS.map((field, i) => `fields[${i}]=${field}`),
  ].join('&');

const json = async (response) => {
  const text = await response.text();
  if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
};

/**
 * A portal session as a browser gets it: the sign-in form, posted from the portal's own origin.
 * (node:http, because fetch sets the Origin header itself.)
 */
const portalSignIn = (portalUrl, contact) =>
  /** @type {Promise<string>} */ (new Promise((resolve, reject) => {
    const body = new URLSearchParams({ email: contact.email, password: contact.password }).toString();
    const request = http.request(
      `${portalUrl}/sign-in`,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), origin: portalUrl } },
      (response) => {
        response.resume();
        const cookies = (response.headers['set-cookie'] ?? []).map((cookie) => cookie.split(';')[0]);
        if (response.statusCode !== 303 || !cookies.length) reject(new Error(`portal sign-in failed: HTTP ${response.statusCode}`));
        else resolve(cookies.join('; '));
      }
    );
    request.on('error', reject);
    request.end(body);
  }));

const BIG_TABLE_ROWS = 5_000;

/**
 * Tables Strapi reads to authenticate a content-API request (API tokens first, then the
 * users-permissions user, role, settings and permissions): the same for the plugin's routes and
 * Strapi's own, so the figures show them apart from what a route itself queries.
 */
const AUTH_TABLES = new Set(['strapi_api_tokens', 'up_users', 'up_roles', 'up_permissions', 'strapi_core_store_settings']);
/** The table a statement reads first, without its schema (`"public"."up_users"` on PostgreSQL). */
const fromTable = (sql) => /\bfrom\s+(?:[`"]?\w+[`"]?\.)?[`"]?(\w+)/i.exec(sql)?.[1] ?? '';

const runTier = async (dialect, tier) => {
  const clients = TIERS[tier].clients;
  const database = await tierDatabase(dialect, tier, { workDir, reuse: args.reuse });
  const result = { dialect, tier, clients, perClient: PER_CLIENT };

  let seeded = false;
  if (database.existed) {
    const probe = await startStrapi({ dist, database, secrets, workDir });
    const rows = await probe.call('rows', { tables: ['clientia_clients', 'clientia_invoices'] });
    await probe.stop();
    seeded = rows.clientia_clients === clients && rows.clientia_invoices === clients * PER_CLIENT.invoices;
  }
  if (!seeded) {
    log(`${dialect} ${tier}: seeding ${clients} clients`);
    const seeder = await startStrapi({ dist, database, secrets, workDir });
    result.seed = await seeder.call('seed', { clients });
    await seeder.stop();
    log(`${dialect} ${tier}: ${result.seed.rows} rows in ${result.seed.seconds.toFixed(1)} s`);
  }

  // Cold start: from spawning Node to the first 200 of a public route, on the seeded database.
  const coldStarted = performance.now();
  const strapi = await startStrapi({ dist, database, secrets, workDir });
  const branding = await fetch(`${strapi.url}/api/clientia/branding`);
  await branding.arrayBuffer();
  if (branding.status !== 200) throw new Error(`branding: HTTP ${branding.status}`);
  result.coldStartMs = performance.now() - coldStarted;
  log(`${dialect} ${tier}: Strapi answered 200 after ${(result.coldStartMs / 1000).toFixed(1)} s`);

  const stops = [() => strapi.stop()];
  try {
    const bare = await startFloorServer('bare-server.mjs');
    stops.push(() => bare.stop());
    const sql = await startFloorServer('sql-server.mjs', database.env);
    stops.push(() => sql.stop());
    const portal = await startPortal({ strapiUrl: strapi.url, redisUrl });
    stops.push(() => portal.stop());

    const contact = benchContact(clients);
    // Signed in as the portal signs contacts in, so every API call pays the session check it pays there.
    const auth = await json(
      await fetch(`${strapi.url}/api/clientia/sign-in/password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: contact.email, password: contact.password }),
      })
    );
    if (auth?.data?.status !== 'signed-in') throw new Error(`bench contact could not sign in: ${JSON.stringify(auth).slice(0, 200)}`);
    const bearer = { authorization: `Bearer ${auth.data.jwt}` };
    const cookie = { cookie: await portalSignIn(portal.url, contact) };

    const targets = [
      { key: '1', label: 'bare Node HTTP, fixed JSON', url: `${bare.url}/` },
      { key: '2-list', label: 'hand-written SQL: invoice page', url: `${sql.url}/invoices?client=${contact.clientId}&pageSize=${PAGE_SIZE}` },
      { key: '2-dash', label: 'hand-written SQL: dashboard', url: `${sql.url}/dashboard?client=${contact.clientId}&membership=${contact.membershipId}` },
      { key: '3', label: 'Strapi REST /api/ledger-entries', url: `${strapi.url}/api/ledger-entries?${strapiListQuery(PAGE_SIZE)}`, headers: bearer, strapi: true },
      { key: '4-list', label: 'portal API /invoices', url: `${strapi.url}/api/clientia/invoices?pageSize=${PAGE_SIZE}`, headers: bearer, strapi: true },
      { key: '4-dash', label: 'portal API /dashboard', url: `${strapi.url}/api/clientia/dashboard`, headers: bearer, strapi: true },
      { key: '4-me', label: 'portal API /me', url: `${strapi.url}/api/clientia/me`, headers: bearer, strapi: true },
      { key: '5-dash', label: 'portal page / (dashboard)', url: `${portal.url}/`, headers: cookie, strapi: true },
      { key: '5-list', label: 'portal page /invoices', url: `${portal.url}/invoices`, headers: cookie, strapi: true },
      { key: '6', label: 'portal layout, no data calls', url: `${portal.url}/bench/layout`, headers: cookie, strapi: true },
    ];

    // SQL statements per request, from knex's own query events in the Strapi process: those each
    // HTTP request reaching Strapi issued (a portal page makes several), not background work.
    // Strapi authenticates first, so its statements are the leading ones of each request.
    const countQueries = async (url, headers, times = 5) => {
      const runs = [];
      for (let i = 0; i < times; i += 1) {
        await strapi.call('count:start');
        const response = await fetch(url, { headers, redirect: 'manual' });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        runs.push(await strapi.call('count:stop'));
      }
      const counts = runs.map((requests) => statementCounts(requests, (statement) => AUTH_TABLES.has(fromTable(statement.sql))));
      const total = counts.reduce((sum, count) => sum + count.total, 0) / times;
      const auth = counts.reduce((sum, count) => sum + count.auth, 0) / times;
      return { perRequest: { total, auth, own: total - auth }, statements: runs[runs.length - 1].flatMap((request) => request.statements) };
    };
    result.queries = {};
    const queryRoutes = {
      'invoices?pageSize=10': [`${strapi.url}/api/clientia/invoices?pageSize=10`, bearer],
      'invoices?pageSize=100': [`${strapi.url}/api/clientia/invoices?pageSize=100`, bearer],
      dashboard: [`${strapi.url}/api/clientia/dashboard`, bearer],
      me: [`${strapi.url}/api/clientia/me`, bearer],
      'payments?pageSize=10': [`${strapi.url}/api/clientia/payments?pageSize=10`, bearer],
      'payments?pageSize=100': [`${strapi.url}/api/clientia/payments?pageSize=100`, bearer],
      'threads?pageSize=10': [`${strapi.url}/api/clientia/threads?pageSize=10`, bearer],
      'threads?pageSize=100': [`${strapi.url}/api/clientia/threads?pageSize=100`, bearer],
      'documents?pageSize=10': [`${strapi.url}/api/clientia/documents?pageSize=10`, bearer],
      'documents?pageSize=100': [`${strapi.url}/api/clientia/documents?pageSize=100`, bearer],
      'contracts?pageSize=10': [`${strapi.url}/api/clientia/contracts?pageSize=10`, bearer],
      'contracts?pageSize=100': [`${strapi.url}/api/clientia/contracts?pageSize=100`, bearer],
      'activity?pageSize=10': [`${strapi.url}/api/clientia/activity?pageSize=10`, bearer],
      'activity?pageSize=100': [`${strapi.url}/api/clientia/activity?pageSize=100`, bearer],
      'strapi ledger?pageSize=10': [`${strapi.url}/api/ledger-entries?${strapiListQuery(10)}`, bearer],
      'strapi ledger?pageSize=100': [`${strapi.url}/api/ledger-entries?${strapiListQuery(100)}`, bearer],
      'page /': [`${portal.url}/`, cookie],
      'page /invoices': [`${portal.url}/invoices`, cookie],
      'page /bench/layout': [`${portal.url}/bench/layout`, cookie],
    };
    const seen = [];
    for (const [name, [url, headers]] of Object.entries(queryRoutes)) {
      const counted = await countQueries(url, headers);
      result.queries[name] = counted.perRequest;
      if (!name.startsWith('strapi') && !name.startsWith('page')) seen.push(...counted.statements);
    }

    // Which tables the portal routes read by scanning every row, weighed against their size.
    const plans = await strapi.call('explain', { statements: seen });
    const scanned = [...new Set(plans.flatMap((plan) => plan.scans))];
    const sizes = await strapi.call('rows', { tables: scanned });
    result.fullScans = scanned.filter((table) => sizes[table] >= BIG_TABLE_ROWS).map((table) => ({ table, rows: sizes[table], sql: plans.find((p) => p.scans.includes(table)).sql }));
    result.smallScans = scanned.filter((table) => sizes[table] < BIG_TABLE_ROWS);

    log(`${dialect} ${tier}: one request at a time`);
    result.sequential = {};
    for (const target of targets) result.sequential[target.key] = await sequential({ url: target.url, headers: target.headers, requests: sequentialRequests });

    result.load = {};
    result.memory = { strapiBefore: rssOf(strapi.child.pid), portalBefore: rssOf(portal.child.pid) };
    // A route that falls behind leaves requests queued in Strapi after autocannon stops (Strapi
    // does not cancel a query when its client goes away): wait until a cheap call is quick again,
    // so the next route is not measured behind that queue.
    const meUrl = `${strapi.url}/api/clientia/me`;
    const drain = async () => {
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline) {
        const started = performance.now();
        const response = await fetch(meUrl, { headers: bearer });
        await response.arrayBuffer();
        if (performance.now() - started < Math.max(50, 4 * result.sequential['4-me'].p95)) return;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      log(`${dialect} ${tier}: Strapi still behind after 2 minutes`);
    };
    for (const connections of [10, 50]) {
      log(`${dialect} ${tier}: ${connections} connections, ${seconds} s per route`);
      for (const target of targets) {
        if (target.strapi) await drain();
        // The warm-up's figures are dropped, its failures are not: a burst of connections is load too.
        const warmup = await load({ url: target.url, headers: target.headers, connections, seconds: warmupSeconds });
        if (warmup.failures.length) result.load[`warm-up:${target.key}@${connections}`] = warmup;
        result.load[`${target.key}@${connections}`] = await load({ url: target.url, headers: target.headers, connections, seconds });
      }
    }
    result.memory.strapiAfterLoad = rssOf(strapi.child.pid);
    result.memory.portalAfterLoad = rssOf(portal.child.pid);

    // Memory over a long run of the same request, after the load above warmed everything up.
    log(`${dialect} ${tier}: memory over ${memoryRequests} requests`);
    const listTarget = /** @type {(typeof targets)[number]} */ (targets.find((t) => t.key === '4-list'));
    const pageTarget = /** @type {(typeof targets)[number]} */ (targets.find((t) => t.key === '5-list'));
    const strapiRss0 = rssOf(strapi.child.pid);
    const portalRss0 = rssOf(portal.child.pid);
    const liveHeap0 = (await strapi.call('memory', { gc: true })).heapUsed;
    result.load['memory:4-list@10'] = await load({ url: listTarget.url, headers: listTarget.headers, connections: 10, amount: memoryRequests });
    result.load['memory:5-list@10'] = await load({ url: pageTarget.url, headers: pageTarget.headers, connections: 10, amount: Math.round(memoryRequests / 4) });
    result.memory.stability = {
      requests: memoryRequests + Math.round(memoryRequests / 4),
      strapiBefore: strapiRss0,
      strapiAfter: rssOf(strapi.child.pid),
      strapiLiveHeapBefore: liveHeap0,
      strapiLiveHeapAfter: (await strapi.call('memory', { gc: true })).heapUsed,
      portalBefore: portalRss0,
      portalAfter: rssOf(portal.child.pid),
    };

    result.pages = await measurePages({ portalUrl: portal.url, cookie: cookie.cookie, paths: ['/', '/invoices'], lighthouse: withLighthouse && !lighthouseDone });
    if (withLighthouse) lighthouseDone = true;
  } finally {
    for (const stop of stops.reverse()) await stop().catch((error) => log(`stopping: ${error.message}`));
  }
  return result;
};

let lighthouseDone = false;
const results = [];
for (const dialect of dialects) {
  const dialectTiers = [...tiers, ...(args.large && dialect === 'postgres' && !tiers.includes('L') ? ['L'] : [])].filter(
    (tier) => tier !== 'L' || dialect === 'postgres'
  );
  for (const tier of dialectTiers) {
    const tierStarted = Date.now();
    const result = await runTier(dialect, tier);
    result.seconds = (Date.now() - tierStarted) / 1000;
    results.push(result);
  }
}

const report = {
  startedAt: new Date(started).toISOString(),
  seconds: (Date.now() - started) / 1000,
  machine: { node: process.version, cpus: (await import('node:os')).cpus().length, sessions: redisUrl ? 'redis' : 'memory' },
  settings: { seconds, warmupSeconds, sequentialRequests, memoryRequests, quick },
  results,
};
report.verdicts = judge(report);
printReport(report);

const out = args.json ?? path.join(workDir, 'results', `bench-${report.startedAt.replace(/[:.]/g, '-')}.json`);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2));
console.log(`\nFigures written to ${path.relative(process.cwd(), out)}`);

const broken = report.verdicts.filter((v) => v.rule && !v.ok);
const missed = report.verdicts.filter((v) => !v.rule && !v.ok);
if (broken.length || (args.strict && missed.length)) process.exit(1);
