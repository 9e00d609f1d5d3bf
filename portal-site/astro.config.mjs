// @ts-check
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

/**
 * Host names Astro believes from the request (Host, X-Forwarded-Host and -Proto, and then
 * X-Forwarded-For as the client's address): any, so one build serves whatever PUBLIC_URL the
 * server is started with. The portal itself decides at run time: in production a request for any
 * host but PUBLIC_URL's is redirected there, and a write to it refused (src/middleware.ts), so
 * Astro's origin check and every link see only the firm's own address.
 */
const allowedDomains = [{ protocol: 'https' }, { protocol: 'http' }];

export default defineConfig({
  output: 'server',
  // Uploads are at most 25 MiB (documents, or a message's files together) plus the form around them.
  adapter: node({ mode: 'standalone', bodySizeLimit: 30 * 1024 * 1024 }),
  server: { host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 4321) },
  security: {
    checkOrigin: true,
    allowedDomains,
  },
  // Stylesheets stay files: the CSP allows no inline styles.
  build: { inlineStylesheets: 'never' },
  // Scripts stay files too (script-src 'self'): Vite would otherwise inline a small one into the page.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
