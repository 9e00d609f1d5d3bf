/**
 * The floor for a data route: a bare Node HTTP server that answers the contact's invoice page and
 * dashboard with the one hand-written SQL statement each would need, on the same database as
 * Strapi. No authentication, no validation, no framework: what a perfect route could not beat.
 */
import http from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const knex = require('knex');

const db = process.env.DATABASE_URL
  ? knex({ client: 'pg', connection: process.env.DATABASE_URL, pool: { min: 2, max: 10 } })
  : knex({
      client: 'better-sqlite3',
      // Read-only: the floor never writes, and cannot get in the way of Strapi's writer.
      connection: /** @type {any} */ ({ filename: process.env.DATABASE_FILENAME ?? '', options: { readonly: true } }),
      useNullAsDefault: true,
    });

const INVOICE_PAGE = `
  SELECT i.document_id, i.number, i.state, i.issue_date, i.due_date, i.currency, i.total, i.paid, i.balance,
         i.period_start, i.period_end, COUNT(*) OVER () AS total_count
  FROM clientia_invoices i JOIN clientia_invoices_client_lnk l ON l.invoice_id = i.id
  WHERE l.client_id = ? AND i.state <> 'draft'
  ORDER BY i.issue_date DESC, i.id DESC LIMIT ? OFFSET ?`;

/**
 * Every part of the dashboard in one round trip, one row per entry, tagged with its part. (A NULL
 * inside a subquery needs its type spelled out for PostgreSQL to unite the parts.)
 */
const DASHBOARD = `
  SELECT * FROM (
    SELECT 'due' AS part, i.document_id AS ref, i.number AS label, i.due_date AS day, i.balance AS amount, i.currency AS extra, i.state AS state
    FROM clientia_invoices i JOIN clientia_invoices_client_lnk l ON l.invoice_id = i.id
    WHERE l.client_id = ? AND i.state IN ('issued', 'partially_paid', 'overdue')
    ORDER BY i.due_date, i.id LIMIT 50) due
  UNION ALL
  SELECT 'total', NULL, NULL, NULL, SUM(i.balance), i.currency, NULL
    FROM clientia_invoices i JOIN clientia_invoices_client_lnk l ON l.invoice_id = i.id
    WHERE l.client_id = ? AND i.state IN ('issued', 'partially_paid', 'overdue') GROUP BY i.currency
  UNION ALL
  SELECT * FROM (
    SELECT 'sign', c.document_id, c.title, CAST(NULL AS DATE), CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR(255)), c.state
    FROM clientia_contracts c JOIN clientia_contracts_client_lnk cl ON cl.contract_id = c.id
    JOIN clientia_contracts_signatories_lnk s ON s.contract_id = c.id
    WHERE cl.client_id = ? AND s.membership_id = ? AND c.state IN ('sent', 'partially_signed')
    ORDER BY c.sent_at, c.id LIMIT 50) sign
  UNION ALL
  SELECT * FROM (
    SELECT 'milestone', m.document_id, m.title, m.due_date, CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR(255)), m.state
    FROM clientia_milestones m JOIN clientia_milestones_client_lnk ml ON ml.milestone_id = m.id
    WHERE ml.client_id = ? AND m.state <> 'done' AND m.due_date >= ? AND m.due_date <= ?
    ORDER BY m.due_date, m.id LIMIT 50) milestone
  UNION ALL
  SELECT 'unread', NULL, NULL, NULL, COUNT(*), NULL, NULL
    FROM clientia_threads t JOIN clientia_threads_client_lnk tl ON tl.thread_id = t.id
    WHERE tl.client_id = ? AND t.last_message_at > t.client_read_at
  UNION ALL
  SELECT 'hours', NULL, NULL, NULL, SUM(e.hours), NULL, NULL
    FROM clientia_time_entries e JOIN clientia_time_entries_client_lnk el ON el.time_entry_id = e.id
    WHERE el.client_id = ? AND e.date >= ?`;

const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const rowsOf = (result) => (Array.isArray(result) ? result : result.rows);

const server = http.createServer(async (request, response) => {
  try {
    const url = new URL(request.url ?? '/', 'http://bench');
    const client = Number(url.searchParams.get('client'));
    let body;
    if (url.pathname === '/invoices') {
      const pageSize = Number(url.searchParams.get('pageSize') ?? 25);
      const rows = rowsOf(await db.raw(INVOICE_PAGE, [client, pageSize, 0]));
      body = { data: rows, meta: { total: Number(rows[0]?.total_count ?? 0) } };
    } else if (url.pathname === '/dashboard') {
      const membership = Number(url.searchParams.get('membership'));
      const today = day(0);
      const rows = rowsOf(await db.raw(DASHBOARD, [client, client, client, membership, client, today, day(30), client, client, day(-30)]));
      body = { data: rows };
    } else {
      response.writeHead(404).end();
      return;
    }
    const json = JSON.stringify(body);
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
    response.end(json);
  } catch (error) {
    response.writeHead(500, { 'content-type': 'text/plain' }).end(error instanceof Error ? error.message : String(error));
  }
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.({ ready: true }));
process.on('message', async (/** @type {any} */ message) => {
  if (message.cmd === 'stop') {
    server.close();
    await db.destroy();
    process.exit(0);
  }
});
