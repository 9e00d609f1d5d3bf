/**
 * Load on loopback with autocannon, and plain one-at-a-time latency. Percentiles come from every
 * response's own time (autocannon's summary has no p95). Answers other than 2xx are counted as
 * failures, which fail the run: a fast error page is not a fast page.
 */
import autocannon from 'autocannon';

export const percentile = (sorted, p) => {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
};

const summarize = (latencies) => {
  const sorted = Float64Array.from(latencies).sort();
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
};

/**
 * @param {{ url: string, headers?: Record<string, string>, connections: number, seconds?: number, amount?: number }} target
 * @returns {Promise<{ rps: number, p50: number, p95: number, p99: number, requests: number, failures: string[] }>}
 */
export const load = async ({ url, headers = {}, connections, seconds, amount }) => {
  /** @type {number[]} */
  const latencies = [];
  const bad = new Map();
  const instance = autocannon({
    url,
    headers,
    connections,
    ...(amount ? { amount } : { duration: seconds }),
    timeout: 30,
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    if (statusCode < 200 || statusCode > 299) bad.set(statusCode, (bad.get(statusCode) ?? 0) + 1);
  });
  const result = await instance;
  const failures = [...bad].map(([status, n]) => `${n}× HTTP ${status}`);
  if (result.errors) failures.push(`${result.errors} connection errors`);
  if (result.timeouts) failures.push(`${result.timeouts} timeouts`);
  const elapsed = result.duration || seconds || 1;
  return { rps: latencies.length / elapsed, ...summarize(latencies), requests: latencies.length, failures };
};

/**
 * One request at a time: the latency a single contact sees, without queueing behind others.
 * @param {{ url: string, headers?: Record<string, string>, requests: number }} target
 */
export const sequential = async ({ url, headers = {}, requests }) => {
  const latencies = [];
  for (let i = 0; i < requests; i += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers, redirect: 'manual' });
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  }
  return summarize(latencies);
};
