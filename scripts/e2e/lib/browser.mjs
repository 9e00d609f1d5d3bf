/**
 * Debian's Chromium through playwright-core, with nothing that reaches the network, plus the two
 * checks every portal page gets: axe-core and screenshots at desktop and phone width.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../lib/chromium.mjs';

export { CHROMIUM_FLAGS };

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const launchChromium = () =>
  chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/**
 * axe-core on a page, in a context with JavaScript on (the portal itself runs without any; axe needs
 * it), carrying the cookies of the signed-in context. Returns the serious and critical violations.
 * @param {import('playwright-core').Browser} browser
 * @param {import('playwright-core').BrowserContext} from
 * @param {string} url
 */
export const seriousViolations = async (browser, from, url) => {
  const context = await browser.newContext({ viewport: DESKTOP });
  try {
    await context.addCookies(await from.cookies());
    const page = await context.newPage();
    await page.goto(url);
    return await axeSerious(page, 'document');
  } finally {
    await context.close();
  }
};

/**
 * axe-core in a page as it stands, on the elements `context` names (an axe context as source text,
 * e.g. `document`): for the admin panel, a React app that only exists once signed in and rendered,
 * so it cannot be opened afresh in another browser the way a portal page can. Returns the serious
 * and critical violations.
 * @param {import('playwright-core').Page} page
 * @param {string} context
 */
export const axeSerious = async (page, context) => {
  if (!(await page.evaluate('Boolean(window.axe)'))) await page.evaluate(AXE_SOURCE);
  // Evaluated in the page as source text: the page's globals (window.axe, document) are not Node's.
  const result = await page.evaluate(
    `window.axe.run(${context}, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })`
  );
  return /** @type {{ violations: { id: string, impact: string, help: string, nodes: { target: string[], html: string }[] }[] }} */ (result).violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.map(describeNode).join(', ')})`);
};

/**
 * An element axe-core found, by its selector and the start of its markup: a React app's generated
 * class names alone do not say which element it is.
 * @param {{ target: string[], html: string }} node
 */
const describeNode = (node) => `${node.target.join(' ')} ${node.html.replace(/\s+/g, ' ').slice(0, 100)}`;

/**
 * Screenshots of the page at desktop and phone width, with the signed-in context's cookies; fails
 * when the page scrolls sideways on a phone. (The portal sends no JavaScript, so these look exactly
 * as a client with JavaScript off sees them.)
 * @param {import('playwright-core').Browser} browser
 * @param {import('playwright-core').BrowserContext} from
 * @param {string} url
 * @param {string} dir
 * @param {string} name
 */
export const screenshots = async (browser, from, url, dir, name) => {
  mkdirSync(dir, { recursive: true });
  for (const [label, viewport] of /** @type {const} */ ([['desktop', DESKTOP], ['mobile', PHONE]])) {
    const context = await browser.newContext({ viewport });
    try {
      await context.addCookies(await from.cookies());
      const page = await context.newPage();
      await page.goto(url);
      await page.screenshot({ path: path.join(dir, `${name}-${label}.png`), fullPage: true });
      if (label === 'mobile') {
        const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
        if (overflow > 1) throw new Error(`${name} scrolls sideways by ${overflow}px at ${viewport.width}px wide`);
      }
    } finally {
      await context.close();
    }
  }
};

/**
 * Runs `check` with the viewport as tall as the screen's content. The Strapi admin does not scroll
 * its page but a panel inside it, so whatever lies below that panel's fold is invisible to a "full
 * page" screenshot, and axe-core leaves its colour contrast unchecked. For the check the viewport is
 * made as tall as the most any panel hides below its fold, then put back.
 * @template T
 * @param {import('playwright-core').Page} page
 * @param {() => Promise<T>} check
 */
export const atFullHeight = async (page, check) => {
  const viewport = page.viewportSize() ?? DESKTOP;
  const hidden = Number(
    await page.evaluate(
      `Math.max(0, ...[...document.querySelectorAll('*')].map((el) => /(auto|scroll)/.test(getComputedStyle(el).overflowY) ? el.scrollHeight - el.clientHeight : 0))`
    )
  );
  if (hidden > 0) await page.setViewportSize({ width: viewport.width, height: viewport.height + hidden });
  try {
    return await check();
  } finally {
    if (hidden > 0) await page.setViewportSize(viewport);
  }
};
