/**
 * Portal page weight and Lighthouse performance, for the benchmark.
 *
 * Page weight is measured with plain `fetch` (the session cookie on every request): the HTML as
 * served (raw, gzip level 6, brotli quality 11), the JavaScript it pulls in (same-origin
 * `<script src>` and `<link rel="modulepreload">` files fetched, plus inline `<script>` that is
 * JavaScript, not JSON) and its linked stylesheets. The portal is meant to ship no client
 * JavaScript, so `jsBytes` should be 0; it is measured, not assumed.
 *
 * Lighthouse runs the desktop preset (its default simulated throttling), performance only, in one
 * Chromium for all pages; the machine is offline and nothing here reaches outside the portal.
 */
import { access, constants as fsConstants } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../lib/chromium.mjs';


const FETCH_TIMEOUT_MS = 30_000;

/**
 * @typedef {{ performance: number, fcpMs: number, lcpMs: number, tbtMs: number, cls: number, speedIndexMs: number }} LighthouseScores
 *
 * @typedef {{
 *   path: string,
 *   status: number,
 *   htmlBytes: number,
 *   htmlGzipBytes: number,
 *   htmlBrotliBytes: number,
 *   scriptCount: number,
 *   jsBytes: number,
 *   jsGzipBytes: number,
 *   cssBytes: number,
 *   lighthouse: null | LighthouseScores,
 *   location?: string,
 *   cssGzipBytes: number,
 *   inlineJsBytes: number,
 *   inlineCssBytes: number,
 *   notFetched: string[],
 *   resourceErrors: string[],
 *   lighthouseMs?: number,
 *   lighthouseRedirects?: string[],
 *   lighthouseError?: string,
 * }} PageResult
 * The documented fields first; the rest are extras: `location` of a redirect, gzip of the CSS,
 * inline `<script>`/`<style>` bytes (already part of jsBytes / not part of cssBytes), cross-origin
 * resources that were counted but not fetched, subresources that failed, and Lighthouse's wall
 * time, error and, when the page redirected, the chain Chromium followed. Lighthouse sends the
 * cookie as an extra header, which Chromium does not carry across a redirect: a signed-in page
 * that redirects (`/sign-in` goes to `/`) is measured signed out after the first hop.
 */

/** @param {Uint8Array | string} body */
const gzipSize = (body) => (body.length === 0 ? 0 : gzipSync(body, { level: 6 }).byteLength);

/** @param {Uint8Array | string} body */
const brotliSize = (body) => {
  if (body.length === 0) return 0;
  const params = {
    [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
    [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
    [zlibConstants.BROTLI_PARAM_SIZE_HINT]: typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
  };
  return brotliCompressSync(body, { params }).byteLength;
};

/**
 * Attributes of one start tag, names lower-cased; a bare attribute reads as ''.
 * @param {string} source the text between the tag name and `>`
 */
const parseAttributes = (source) => {
  /** @type {Map<string, string>} */
  const attributes = new Map();
  const pattern = /([^\s"'=<>/`]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const match of source.matchAll(pattern)) {
    const name = match[1].toLowerCase();
    if (!attributes.has(name)) attributes.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
};

/** The few entities that turn up in URLs (`&amp;` in query strings). */
const decodeEntities = (/** @type {string} */ value) =>
  value.replace(/&(amp|quot|apos|lt|gt|#(\d+)|#x([0-9a-f]+));/gi, (whole, name, dec, hex) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' }[String(name).toLowerCase()] ?? whole;
  });

/** `<script type>` values a browser runs as JavaScript; JSON, JSON-LD, import maps, templates are not. */
const isJavaScriptType = (/** @type {string | undefined} */ type) => {
  const essence = (type ?? '').split(';')[0].trim().toLowerCase();
  return essence === '' || essence === 'module' || /^(?:text|application)\/(?:x-)?(?:java|ecma|j|live)script(?:1\.[0-5])?$/.test(essence);
};

/**
 * What the HTML loads: JS scripts (external URLs and inline text), modulepreloads and stylesheets.
 * A small tokenizer, not a full HTML parser: comments are skipped, and script/style bodies are
 * taken whole so markup inside them is not mistaken for tags.
 * @param {string} html
 */
export const scanHtml = (html) => {
  const attrs = `((?:[^>"']|"[^"]*"|'[^']*')*)`;
  const tokens = new RegExp(`<!--[\\s\\S]*?-->|<script\\b${attrs}>([\\s\\S]*?)</script\\s*>|<style\\b${attrs}>([\\s\\S]*?)</style\\s*>|<link\\b${attrs}>`, 'gi');
  /** @type {string[]} */ const scriptSrcs = [];
  /** @type {string[]} */ const inlineScripts = [];
  /** @type {string[]} */ const modulePreloads = [];
  /** @type {string[]} */ const stylesheets = [];
  /** @type {string[]} */ const inlineStyles = [];
  for (const match of html.matchAll(tokens)) {
    if (match[0].startsWith('<!--')) continue;
    if (match[1] !== undefined) {
      const attributes = parseAttributes(match[1]);
      if (!isJavaScriptType(attributes.get('type'))) continue;
      const src = attributes.get('src');
      if (src !== undefined && src.trim() !== '') scriptSrcs.push(src.trim());
      else inlineScripts.push(match[2]);
    } else if (match[3] !== undefined) {
      inlineStyles.push(match[4]);
    } else if (match[5] !== undefined) {
      const attributes = parseAttributes(match[5]);
      const rel = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
      const href = (attributes.get('href') ?? '').trim();
      if (!href) continue;
      if (rel.includes('stylesheet') && !rel.includes('alternate')) stylesheets.push(href);
      else if (rel.includes('modulepreload')) modulePreloads.push(href);
    }
  }
  return { scriptSrcs, inlineScripts, modulePreloads, stylesheets, inlineStyles };
};

/**
 * @param {string} url
 * @param {string} cookie
 */
const get = (url, cookie) =>
  fetch(url, {
    headers: { Cookie: cookie, Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    redirect: 'manual',
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });

/**
 * Same-origin subresources fetched (once each) and summed; cross-origin ones only listed.
 * @param {string[]} hrefs
 * @param {URL} pageUrl
 * @param {string} cookie
 * @param {{ notFetched: string[], resourceErrors: string[] }} log
 */
const sumResources = async (hrefs, pageUrl, cookie, log) => {
  let bytes = 0;
  let gzipBytes = 0;
  const seen = new Set();
  for (const href of hrefs) {
    let url;
    try {
      url = new URL(href, pageUrl);
    } catch {
      log.resourceErrors.push(`${href}: not a URL`);
      continue;
    }
    if (url.protocol === 'data:') {
      // Inline in the HTML already; nothing goes over the network.
      continue;
    }
    if (url.origin !== pageUrl.origin) {
      log.notFetched.push(url.href);
      continue;
    }
    if (seen.has(url.href)) continue;
    seen.add(url.href);
    try {
      const response = await get(url.href, cookie);
      const body = new Uint8Array(await response.arrayBuffer());
      if (!response.ok) {
        log.resourceErrors.push(`${url.pathname}${url.search}: HTTP ${response.status}`);
        continue;
      }
      bytes += body.byteLength;
      gzipBytes += gzipSize(body);
    } catch (error) {
      log.resourceErrors.push(`${url.pathname}${url.search}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { bytes, gzipBytes };
};

/**
 * @param {URL} base
 * @param {string} path
 * @param {string} cookie
 * @returns {Promise<PageResult>}
 */
const measureWeight = async (base, path, cookie) => {
  const pageUrl = new URL(path, base);
  const response = await get(pageUrl.href, cookie);
  const body = new Uint8Array(await response.arrayBuffer());
  const html = new TextDecoder().decode(body);
  const found = scanHtml(html);
  /** @type {{ notFetched: string[], resourceErrors: string[] }} */
  const log = { notFetched: [], resourceErrors: [] };

  const external = await sumResources([...found.scriptSrcs, ...found.modulePreloads], pageUrl, cookie, log);
  const inlineJs = found.inlineScripts.filter((text) => text.trim() !== '');
  const inlineJsBytes = inlineJs.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const inlineJsGzip = inlineJs.reduce((sum, text) => sum + gzipSize(text), 0);
  const css = await sumResources(found.stylesheets, pageUrl, cookie, log);

  const location = response.headers.get('location');
  return {
    path,
    status: response.status,
    htmlBytes: body.byteLength,
    htmlGzipBytes: gzipSize(body),
    htmlBrotliBytes: brotliSize(body),
    scriptCount: found.scriptSrcs.length + found.inlineScripts.length,
    jsBytes: external.bytes + inlineJsBytes,
    jsGzipBytes: external.gzipBytes + inlineJsGzip,
    cssBytes: css.bytes,
    lighthouse: null,
    ...(location ? { location } : {}),
    cssGzipBytes: css.gzipBytes,
    inlineJsBytes,
    inlineCssBytes: found.inlineStyles.reduce((sum, text) => sum + Buffer.byteLength(text), 0),
    notFetched: log.notFetched,
    resourceErrors: log.resourceErrors,
  };
};

/**
 * @param {import('lighthouse').Result} lhr
 * @returns {LighthouseScores}
 */
const scoresOf = (lhr) => {
  const score = lhr.categories.performance?.score;
  if (score == null) throw new Error('Lighthouse returned no performance score');
  /** @param {string} id */
  const metric = (id) => {
    const value = lhr.audits[id]?.numericValue;
    if (typeof value !== 'number') throw new Error(`Lighthouse returned no value for ${id}`);
    return value;
  };
  return {
    performance: Math.round(score * 100),
    fcpMs: Math.round(metric('first-contentful-paint')),
    lcpMs: Math.round(metric('largest-contentful-paint')),
    tbtMs: Math.round(metric('total-blocking-time')),
    cls: Math.round(metric('cumulative-layout-shift') * 10_000) / 10_000,
    speedIndexMs: Math.round(metric('speed-index')),
  };
};

/**
 * Lighthouse for every page, in one Chromium that is always killed afterwards.
 * @param {URL} base
 * @param {string} cookie
 * @param {PageResult[]} results filled in place
 */
const runLighthouse = async (base, cookie, results) => {
  const [{ default: lighthouse }, { default: desktopConfig }, chromeLauncher] = await Promise.all([
    import('lighthouse'),
    import('lighthouse/core/config/desktop-config.js'),
    import('chrome-launcher'),
  ]);
  /** @type {import('chrome-launcher').LaunchedChrome | undefined} */
  let chrome;
  try {
    const chromePath = CHROMIUM_PATH;
    try {
      // chrome-launcher leaves a failed spawn (ENOENT) as an unhandled 'error' event: check first.
      await access(chromePath, fsConstants.X_OK);
      chrome = await chromeLauncher.launch({
        chromePath,
        chromeFlags: CHROMIUM_FLAGS,
        logLevel: 'error',
      });
    } catch (error) {
      const message = `Chromium did not start: ${error instanceof Error ? error.message : String(error)}`;
      for (const result of results) result.lighthouseError = message;
      return;
    }
    for (const result of results) {
      const startedAt = performance.now();
      try {
        const runnerResult = await lighthouse(
          new URL(result.path, base).href,
          {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance'],
            extraHeaders: { Cookie: cookie },
            disableFullPageScreenshot: true,
          },
          desktopConfig
        );
        if (!runnerResult) throw new Error('Lighthouse returned no result');
        const { lhr } = runnerResult;
        const redirects = /** @type {{ items?: Array<{ url?: unknown }> } | undefined} */ (lhr.audits.redirects?.details);
        if (redirects?.items?.length) result.lighthouseRedirects = redirects.items.map((item) => String(item.url));
        if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
        result.lighthouse = scoresOf(lhr);
      } catch (error) {
        result.lighthouse = null;
        result.lighthouseError = error instanceof Error ? error.message : String(error);
      } finally {
        result.lighthouseMs = Math.round(performance.now() - startedAt);
      }
    }
  } finally {
    chrome?.kill();
  }
};

/**
 * @param {{ portalUrl: string, cookie: string, paths: string[], lighthouse?: boolean }} options
 * @returns {Promise<Array<{ path: string, status: number, htmlBytes: number, htmlGzipBytes: number,
 *   htmlBrotliBytes: number, scriptCount: number, jsBytes: number, jsGzipBytes: number, cssBytes: number,
 *   lighthouse: null | { performance: number, fcpMs: number, lcpMs: number, tbtMs: number, cls: number, speedIndexMs: number } }>>}
 *   (each entry is a PageResult: the extra fields are documented there)
 */
export const measurePages = async (options) => {
  const base = new URL(options.portalUrl);
  /** @type {PageResult[]} */
  const results = [];
  // Weights first, so a running Chromium does not share the CPU with them.
  for (const path of options.paths) results.push(await measureWeight(base, path, options.cookie));
  if (options.lighthouse !== false && results.length > 0) await runLighthouse(base, options.cookie, results);
  return results;
};

const kb = (/** @type {number} */ bytes) => (bytes / 1024).toFixed(1);

/**
 * A plain-text table: path, status, HTML KB gz, JS KB, CSS KB, LH perf, LCP ms, TBT ms.
 * @param {Array<{ path: string, status: number, htmlGzipBytes: number, jsBytes: number, cssBytes: number,
 *   lighthouse: null | { performance: number, lcpMs: number, tbtMs: number }, lighthouseError?: string }>} results
 */
export const formatPagesTable = (results) => {
  const header = ['path', 'status', 'HTML KB gz', 'JS KB', 'CSS KB', 'LH perf', 'LCP ms', 'TBT ms'];
  const rows = results.map((result) => {
    const lh = result.lighthouse;
    const missing = result.lighthouseError ? 'error' : '-';
    return [
      result.path,
      String(result.status),
      kb(result.htmlGzipBytes),
      kb(result.jsBytes),
      kb(result.cssBytes),
      lh ? String(lh.performance) : missing,
      lh ? String(lh.lcpMs) : missing,
      lh ? String(lh.tbtMs) : missing,
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  /** @param {string[]} cells */
  const line = (cells) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
};
