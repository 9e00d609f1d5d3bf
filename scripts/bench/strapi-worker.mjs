/**
 * One Strapi process for the benchmark: the reference app with the Clientia plugin (plus the
 * ledger type), on the database the environment names. It counts the SQL statements each HTTP
 * request issues (not those of work running beside it) and answers the benchmark over IPC: seed a
 * tier, start or stop counting, report memory, explain the plan of the statements it saw.
 */
import path from 'node:path';
import { createRequire } from 'node:module';

import { LEDGER_UID } from './ledger-app.mjs';
import { requestStatements } from './request-statements.mjs';
import { seedFirm } from './seed.mjs';

const require = createRequire(import.meta.url);
const { createStrapi } = require('@strapi/strapi');

const root = path.resolve(import.meta.dirname, '..', '..');
const send = (message) => process.send?.(message);

const started = Date.now();
const strapi = await createStrapi({
  appDir: path.join(root, 'strapi'),
  distDir: process.env.BENCH_DIST,
  autoReload: false,
  serveAdminPanel: false,
}).load();

const counter = requestStatements({
  server: strapi.server.httpServer,
  connection: strapi.db.connection,
  currentRequest: () => strapi.requestContext.get()?.req,
});

/**
 * Contacts may list ledger entries with the same token they use for the portal, so both listings
 * pay the same authentication. The plugin trims its contact role to the portal routes at every
 * start; this grant comes after that, in this benchmark copy only.
 */
const grantLedgerFind = async () => {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'client-contact' } });
  const action = `${LEDGER_UID}.find`;
  const existing = await strapi.db.query('plugin::users-permissions.permission').findOne({ where: { action, role: { id: role.id } } });
  if (!existing) await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
};

const isPostgres = strapi.db.dialect.client === 'postgres';

/**
 * The plan of each statement, and the tables it reads by scanning every row. A scan is fine on a
 * table that stays small (roles, permissions); the benchmark judges that against row counts.
 */
const explain = async (list) => {
  const plans = [];
  for (const { sql, bindings } of list) {
    if (!/^\s*select/i.test(sql)) continue;
    // knex reports PostgreSQL statements with their native $1, $2… placeholders, in binding order.
    const rows = isPostgres
      ? (await strapi.db.connection.raw(`EXPLAIN ${sql.replace(/\$\d+/g, '?')}`, bindings)).rows.map((row) => row['QUERY PLAN'])
      : (await strapi.db.connection.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings)).map((row) => row.detail);
    // Strapi aliases its tables (t0, t1…); SQLite's plan names the alias.
    const aliases = Object.fromEntries([...sql.matchAll(/(?:from|join)\s+(?:[`"]?\w+[`"]?\.)?[`"]?(\w+)[`"]?\s+as\s+[`"]?(\w+)[`"]?/gi)].map((m) => [m[2], m[1]]));
    const scans = rows
      .map((line) => (isPostgres ? /Seq Scan on (\w+)/.exec(line) : /^SCAN (\w+)/.exec(line.trim())))
      .filter(Boolean)
      .map((match) => aliases[match[1]] ?? match[1]);
    plans.push({ sql, plan: rows, scans: [...new Set(scans)] });
  }
  return plans;
};

const tableRows = async (tables) => {
  const out = {};
  for (const table of tables) out[table] = Number((await strapi.db.connection(table).count({ n: '*' }))[0].n);
  return out;
};

process.on('message', async (/** @type {any} */ message) => {
  try {
    switch (message.cmd) {
      case 'seed':
        send({ id: message.id, ok: true, value: await seedFirm(strapi, { clients: message.clients }) });
        break;
      case 'count:start':
        counter.start();
        send({ id: message.id, ok: true });
        break;
      case 'count:stop':
        send({ id: message.id, ok: true, value: counter.stop() });
        break;
      case 'explain':
        send({ id: message.id, ok: true, value: await explain(message.statements) });
        break;
      case 'rows':
        send({ id: message.id, ok: true, value: await tableRows(message.tables) });
        break;
      case 'memory':
        // After a full collection (the benchmark starts Node with --expose-gc), heapUsed is what
        // is really kept alive; without one it swings with the collector's timing.
        if (message.gc && typeof globalThis.gc === 'function') globalThis.gc();
        send({ id: message.id, ok: true, value: process.memoryUsage() });
        break;
      case 'stop':
        await strapi.destroy();
        send({ id: message.id, ok: true });
        process.exit(0);
        break;
      default:
        send({ id: message.id, ok: false, error: `unknown command ${message.cmd}` });
    }
  } catch (error) {
    send({ id: message.id, ok: false, error: error instanceof Error ? error.stack : String(error) });
  }
});

await grantLedgerFind();
strapi.server.mount();
await new Promise((resolve) => strapi.server.httpServer.listen(Number(process.env.PORT), '127.0.0.1', () => resolve(undefined)));
send({ ready: true, bootMs: Date.now() - started, dialect: strapi.db.dialect.client });
