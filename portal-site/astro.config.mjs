// @ts-check
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

/**
 * Hosts allowed to post forms to the portal (Astro's origin check). PUBLIC_URL is the address
 * clients type (the firm's custom domain); it is read when the portal is built.
 */
const allowedDomains = () => {
  const publicUrl = process.env.PUBLIC_URL;
  if (!publicUrl) return [];
  const url = new URL(publicUrl);
  return [{ protocol: url.protocol.replace(':', ''), hostname: url.hostname, ...(url.port ? { port: url.port } : {}) }];
};

export default defineConfig({
  output: 'server',
  // Uploads are at most 25 MiB (documents, or a message's files together) plus the form around them.
  adapter: node({ mode: 'standalone', bodySizeLimit: 30 * 1024 * 1024 }),
  server: { host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 4321) },
  security: {
    checkOrigin: true,
    allowedDomains: allowedDomains(),
  },
  // Stylesheets stay files: the CSP allows no inline styles.
  build: { inlineStylesheets: 'never' },
  // Scripts stay files too (script-src 'self'): Vite would otherwise inline a small one into the page.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
