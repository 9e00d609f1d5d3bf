/**
 * What a benchmark run means: the table of figures side by side, the ratios and scaling exponents
 * the targets are stated in, and a verdict per target. A verdict marked `rule` is a correctness
 * property (no failed request, no query count that grows with data); the others are speed targets.
 */

/** Routes the portal serves to contacts, whose latency must not grow with the firm's data. */
const PORTAL_ROUTES = ['4-list', '4-dash', '4-me', '5-dash', '5-list'];
const PLUGIN_QUERY_ROUTES = (queries) => Object.keys(queries).filter((name) => !name.startsWith('strapi') && !name.startsWith('page'));

const LABELS = {
  '1': 'bare Node HTTP, fixed JSON',
  '2-list': 'hand-written SQL: invoice page',
  '2-dash': 'hand-written SQL: dashboard',
  '3': 'Strapi REST list (ledger entries)',
  '4-list': 'portal API /invoices',
  '4-dash': 'portal API /dashboard',
  '4-me': 'portal API /me',
  '5-dash': 'portal page / (dashboard)',
  '5-list': 'portal page /invoices',
  '6': 'portal layout, no data calls',
};
/** Floors first, then Strapi, the API and the pages (an object would put the numeric keys first). */
const ORDER = ['1', '2-list', '2-dash', '3', '4-list', '4-dash', '4-me', '5-dash', '5-list', '6'];
const QUERY_KEY = { '3': 'strapi ledger?pageSize=10', '4-list': 'invoices?pageSize=10', '4-dash': 'dashboard', '4-me': 'me', '5-dash': 'page /', '5-list': 'page /invoices', '6': 'page /bench/layout' };

const ms = (value) => (Number.isFinite(value) ? (value < 10 ? value.toFixed(2) : value.toFixed(1)) : '–');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
const fixed = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const mb = (bytes) => `${(bytes / 1048576).toFixed(0)} MB`;
const name = (result) => `${result.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'} · tier ${result.tier}`;

/** latency(10× data) = 10^b × latency: b from two tiers whose client counts differ by `factor`. */
export const scalingExponent = (small, large, factor) => (small > 0 && large > 0 ? Math.log10(large / small) / Math.log10(factor) : NaN);

const table = (rows) => {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  return rows
    .map((row, r) =>
      row
        .map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i])))
        .join('  ')
        .concat(r === 0 ? `\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : '')
    )
    .join('\n');
};

/** Every stated target and rule, judged on this run's figures. */
export const judge = (report) => {
  const verdicts = [];
  const add = (ok, text, options = {}) => verdicts.push({ ok, text, ...options });

  for (const result of report.results) {
    const where = name(result);
    // One request at a time every route must answer (the run stops otherwise); under load an
    // overloaded machine may answer late, which is a figure to read, not a broken rule.
    const failed = Object.entries(result.load).filter(([, run]) => run.failures.length);
    add(
      failed.length === 0,
      failed.length
        ? `${where}: requests that failed under load: ${failed.map(([key, run]) => `${key} ${run.failures.join(', ')} of ${run.requests}`).join('; ')}`
        : `${where}: every request under load answered 2xx`
    );
    const p95 = (key) => result.load[`${key}@10`]?.p95;
    if (result.load['3@10']?.requests === 0 && result.load['4-list@10']?.requests > 0) {
      add(true, `${where}: Strapi's own list answered nothing within the run at 10 connections; the scoped list's p95 was ${ms(p95('4-list'))} ms`);
    } else {
      add(ratio(p95('4-list'), p95('3')) <= 1, `${where}: scoped list vs Strapi's own list, 4÷3 at p95 = ${fixed(ratio(p95('4-list'), p95('3')))} (≤ 1.0)`);
    }

    const queries = result.queries;
    for (const route of PLUGIN_QUERY_ROUTES(queries)) {
      const { own, auth, total } = queries[route];
      add(own <= 4, `${where}: ${route} makes ${fixed(own, 1)} SQL queries of its own per request, ${fixed(auth, 1)} more for Strapi's authentication (${fixed(total, 1)} in all; ≤ 4 of its own)`);
    }
    for (const route of PLUGIN_QUERY_ROUTES(queries).filter((r) => r.endsWith('pageSize=10'))) {
      const other = route.replace('pageSize=10', 'pageSize=100');
      if (queries[other] === undefined) continue;
      add(
        queries[route].total === queries[other].total,
        `${where}: ${route.split('?')[0]} makes the same number of queries at page size 10 and 100 (${queries[route].total} / ${queries[other].total})`,
        { rule: true }
      );
    }
    add(
      result.fullScans.length === 0,
      result.fullScans.length
        ? `${where}: portal routes scan whole tables: ${result.fullScans.map((s) => `${s.table} (${s.rows} rows)`).join(', ')}`
        : `${where}: no portal route scans a table of ${'5,000'} rows or more (EXPLAIN)`
    );
    const overhead = result.sequential['5-dash'].p95 - result.sequential['4-dash'].p95;
    add(overhead <= 5, `${where}: the portal adds ${ms(overhead)} ms p95 to its dashboard call (page / minus API /dashboard, one request at a time; ≤ 5 ms)`);
    if (result.dialect === 'sqlite') add(result.coldStartMs <= 8000, `${where}: Strapi cold start to first 200 in ${(result.coldStartMs / 1000).toFixed(1)} s (≤ 8 s)`);
    // Memory kept alive (the heap after a full collection) must not grow with requests served;
    // RSS is shown beside it, as V8 grows its heap to a size of its choosing before it levels off.
    const stability = result.memory.stability;
    const growth = (stability.strapiLiveHeapAfter - stability.strapiLiveHeapBefore) / stability.strapiLiveHeapBefore;
    add(
      growth <= 0.1,
      `${where}: Strapi's live heap ${mb(stability.strapiLiveHeapBefore)} → ${mb(stability.strapiLiveHeapAfter)} over ${stability.requests} requests (${(growth * 100).toFixed(1)}%, ≤ 10%); RSS ${mb(stability.strapiBefore)} → ${mb(stability.strapiAfter)}`
    );
    const portalGrowth = (stability.portalAfter - stability.portalBefore) / stability.portalBefore;
    add(portalGrowth <= 0.1, `${where}: portal RSS ${mb(stability.portalBefore)} → ${mb(stability.portalAfter)} (${(portalGrowth * 100).toFixed(1)}%, ≤ 10%)`);
    for (const page of result.pages) {
      add(page.htmlGzipBytes <= 50 * 1024, `${where}: ${page.path} is ${(page.htmlGzipBytes / 1024).toFixed(1)} KB of gzipped HTML (≤ 50 KB)`);
      add(page.jsBytes <= 30 * 1024, `${where}: ${page.path} loads ${(page.jsBytes / 1024).toFixed(1)} KB of JavaScript (≤ 30 KB)`);
      if (page.lighthouse) add(page.lighthouse.performance >= 95, `${where}: ${page.path} Lighthouse performance ${page.lighthouse.performance} (desktop, ≥ 95)`);
      else if (page.lighthouseError) add(false, `${where}: ${page.path} Lighthouse failed: ${page.lighthouseError}`);
    }
  }

  // The same routes at a larger tier: query counts equal, latency nearly flat.
  for (const dialect of new Set(report.results.map((r) => r.dialect))) {
    const ordered = report.results.filter((r) => r.dialect === dialect).sort((a, b) => a.clients - b.clients);
    for (let i = 1; i < ordered.length; i += 1) {
      const [small, large] = [ordered[i - 1], ordered[i]];
      const factor = large.clients / small.clients;
      const step = `${dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'} ${small.tier}→${large.tier}`;
      for (const route of PLUGIN_QUERY_ROUTES(large.queries)) {
        if (small.queries[route] === undefined) continue;
        add(small.queries[route].total === large.queries[route].total, `${step}: ${route} queries per request ${small.queries[route].total} → ${large.queries[route].total}`, { rule: true });
      }
      for (const route of PORTAL_ROUTES) {
        const b = scalingExponent(small.sequential[route].p50, large.sequential[route].p50, factor);
        add(b <= 0.1, `${step}: ${LABELS[route]} scaling exponent b = ${fixed(b)} (p50 one at a time, ≤ 0.1)`);
      }
    }
  }
  return verdicts;
};

export const printReport = (report) => {
  const out = [];
  for (const result of report.results) {
    const invoices = result.clients * result.perClient.invoices;
    out.push(
      `\n${name(result)}: ${result.clients.toLocaleString('en')} clients, ${invoices.toLocaleString('en')} invoices, ${(invoices * result.perClient.linesPerInvoice).toLocaleString('en')} line items` +
        ` · Strapi cold start ${(result.coldStartMs / 1000).toFixed(1)} s${result.seed ? ` · seeded ${result.seed.rows.toLocaleString('en')} rows in ${result.seed.seconds.toFixed(0)} s` : ''}`
    );
    const rows = [['#  route', '1 conn p50', 'p95', '10 conn req/s', 'p50', 'p95', 'p99', '50 conn req/s', 'p50', 'p95', 'p99', 'SQL/req']];
    for (const key of ORDER) {
      const one = result.sequential[key];
      const at10 = result.load[`${key}@10`];
      const at50 = result.load[`${key}@50`];
      if (!one || !at10 || !at50) continue;
      const queries = QUERY_KEY[key] ? result.queries[QUERY_KEY[key]].total : key.startsWith('2') ? 1 : 0;
      rows.push([
        `${key.padEnd(6)} ${LABELS[key]}`,
        ms(one.p50),
        ms(one.p95),
        at10.rps.toFixed(0),
        ms(at10.p50),
        ms(at10.p95),
        ms(at10.p99),
        at50.rps.toFixed(0),
        ms(at50.p50),
        ms(at50.p95),
        ms(at50.p99),
        fixed(queries, 1),
      ]);
    }
    out.push(table(rows));
    const p95 = (key, c = 10) => result.load[`${key}@${c}`]?.p95;
    out.push(
      `ratios at p95, 10 connections: 4÷3 = ${fixed(ratio(p95('4-list'), p95('3')))}` +
        ` · 4÷2 list = ${fixed(ratio(p95('4-list'), p95('2-list')))}, dashboard = ${fixed(ratio(p95('4-dash'), p95('2-dash')))}` +
        ` · 5÷4 dashboard = ${fixed(ratio(p95('5-dash'), p95('4-dash')))}, list = ${fixed(ratio(p95('5-list'), p95('4-list')))}` +
        ` · 5÷6 dashboard = ${fixed(ratio(p95('5-dash'), p95('6')))}, list = ${fixed(ratio(p95('5-list'), p95('6')))}`
    );
    out.push(
      `memory (RSS): Strapi ${mb(result.memory.strapiBefore)} before load, ${mb(result.memory.strapiAfterLoad)} after; portal ${mb(result.memory.portalBefore)} → ${mb(result.memory.portalAfterLoad)}`
    );
    out.push(
      `SQL queries per request, the route's own + Strapi's authentication: ${Object.entries(result.queries)
        .map(([route, n]) => `${route} ${fixed(n.own, 0)}+${fixed(n.auth, 0)}`)
        .join(' · ')}`
    );
    if (result.smallScans.length) out.push(`full scans of small tables (fine): ${result.smallScans.join(', ')}`);
    for (const page of result.pages) {
      out.push(
        `page ${page.path}: ${(page.htmlBytes / 1024).toFixed(1)} KB HTML, ${(page.htmlGzipBytes / 1024).toFixed(1)} KB gzipped, ${(page.jsBytes / 1024).toFixed(1)} KB JavaScript, ${(page.cssBytes / 1024).toFixed(1)} KB CSS` +
          (page.lighthouse ? ` · Lighthouse ${page.lighthouse.performance} (LCP ${page.lighthouse.lcpMs.toFixed(0)} ms, TBT ${page.lighthouse.tbtMs.toFixed(0)} ms)` : '')
      );
    }
  }

  const dialects = [...new Set(report.results.map((r) => r.dialect))];
  const scaling = [['scaling exponent b (p50, one at a time)', ...dialects.flatMap((d) => {
    const tiers = report.results.filter((r) => r.dialect === d).map((r) => r.tier);
    return tiers.slice(1).map((t, i) => `${d} ${tiers[i]}→${t}`);
  })]];
  if (scaling[0].length > 1) {
    for (const route of ['2-list', '2-dash', '3', ...PORTAL_ROUTES, '6']) {
      const row = [`${route.padEnd(6)} ${LABELS[route]}`];
      for (const d of dialects) {
        const ordered = report.results.filter((r) => r.dialect === d);
        for (let i = 1; i < ordered.length; i += 1) {
          row.push(fixed(scalingExponent(ordered[i - 1].sequential[route].p50, ordered[i].sequential[route].p50, ordered[i].clients / ordered[i - 1].clients)));
        }
      }
      scaling.push(row);
    }
    out.push(`\n${table(scaling)}`);
  }

  out.push('\nTargets');
  for (const verdict of report.verdicts) out.push(`${verdict.ok ? '  ok  ' : verdict.rule ? ' FAIL ' : ' miss '} ${verdict.text}`);
  out.push(`\n${report.results.length} runs in ${(report.seconds / 60).toFixed(1)} min on ${report.machine.cpus} cores, Node ${report.machine.node}, portal sessions in ${report.machine.sessions}`);
  console.log(out.join('\n'));
};
