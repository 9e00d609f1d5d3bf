import assert from 'node:assert/strict';
import { test } from 'node:test';

import { percentile } from '../bench/load.mjs';
import { judge, scalingExponent } from '../bench/report.mjs';

const run = { p50: 5, p95: 8, p99: 12, rps: 100, requests: 400, failures: [] };
const routes = ['1', '2-list', '2-dash', '3', '4-list', '4-dash', '4-me', '5-dash', '5-list', '6'];

/** One benchmark result with the given query counts and one-at-a-time latencies. */
const result = (tier, clients, { queries = {}, latency = 5 } = {}) => ({
  dialect: 'sqlite',
  tier,
  clients,
  perClient: { invoices: 100, linesPerInvoice: 5 },
  coldStartMs: 3000,
  queries: {
    'invoices?pageSize=10': { total: 9, auth: 6, own: 3 },
    'invoices?pageSize=100': { total: 9, auth: 6, own: 3 },
    ...queries,
  },
  fullScans: [],
  smallScans: [],
  sequential: Object.fromEntries(routes.map((key) => [key, { p50: latency, p95: latency * 1.5, p99: latency * 2 }])),
  load: Object.fromEntries(routes.flatMap((key) => [`${key}@10`, `${key}@50`].map((name) => [name, run]))),
  memory: { strapiBefore: 1, strapiAfterLoad: 1, portalBefore: 1, portalAfterLoad: 1, stability: { requests: 10, strapiBefore: 100, strapiAfter: 101, strapiLiveHeapBefore: 50, strapiLiveHeapAfter: 50, portalBefore: 100, portalAfter: 100 } },
  pages: [],
});

test('the scaling exponent reads latency at ten times the data as 10^b', () => {
  assert.equal(scalingExponent(5, 5, 10), 0);
  assert.equal(scalingExponent(5, 50, 10), 1);
  assert.ok(Math.abs(scalingExponent(4, 4 * 10 ** 0.1, 10) - 0.1) < 1e-12);
  assert.ok(Number.isNaN(scalingExponent(0, 5, 10)));
});

test('percentiles are read from the sorted latencies, nearest rank', () => {
  const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);
  assert.equal(percentile(sorted, 50), 50);
  assert.equal(percentile(sorted, 95), 95);
  assert.equal(percentile(sorted, 99), 99);
  assert.ok(Number.isNaN(percentile(new Float64Array(), 50)));
});

test('a query count that grows with the page size breaks a rule', () => {
  const verdicts = judge({ results: [result('S', 100, { queries: { 'invoices?pageSize=100': { total: 19, auth: 6, own: 13 } } })] });
  const rule = verdicts.find((v) => v.rule && v.text.includes('page size 10 and 100'));
  assert.ok(rule, 'the page-size rule is judged');
  assert.equal(rule.ok, false);
});

test('a query count that grows with the data breaks a rule, and so does latency against b', () => {
  const verdicts = judge({
    results: [result('S', 100), result('M', 1000, { queries: { 'invoices?pageSize=10': { total: 10, auth: 6, own: 4 } }, latency: 50 })],
  });
  const growth = verdicts.find((v) => v.rule && v.text.includes('S→M') && v.text.includes('invoices?pageSize=10'));
  assert.equal(growth?.ok, false);
  const scaling = verdicts.filter((v) => v.text.includes('scaling exponent'));
  assert.ok(scaling.length > 0);
  assert.ok(scaling.every((v) => !v.ok && !v.rule), 'b = 1 misses the target without breaking a rule');
});

test('flat counts and latency pass', () => {
  const verdicts = judge({ results: [result('S', 100), result('M', 1000)] });
  assert.deepEqual(
    verdicts.filter((v) => !v.ok).map((v) => v.text),
    []
  );
});
