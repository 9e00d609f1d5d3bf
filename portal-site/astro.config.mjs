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
  adapter: node({ mode: 'standalone' }),
  server: { host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 4321) },
  security: {
    checkOrigin: true,
    allowedDomains: allowedDomains(),
  },
  devToolbar: { enabled: false },
});
