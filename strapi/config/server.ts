import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

export default ({ env }: { env: Env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // Public address of this Strapi (behind a proxy: https://cms.yourfirm.com).
  url: env('STRAPI_PUBLIC_URL', ''),
  // Behind a reverse proxy Koa must trust X-Forwarded-* to see the client's IP and scheme.
  proxy: { koa: env.bool('TRUST_PROXY', false) },
  app: {
    keys: env.array('APP_KEYS'),
  },
  // The app's own cron tasks (config tasks); it has none. The plugin's jobs follow its own
  // `scheduledJobs` (CLIENTIA_SCHEDULED_JOBS in config/plugins.ts), not this.
  cron: { enabled: env.bool('CRON_ENABLED', false) },
  logger: {
    // No outbound update check: our machines and many firms' servers have no internet.
    updates: { enabled: false },
  },
});
