import type { APIRoute } from 'astro';

import { strapiClient } from '../lib/server/strapi';

/**
 * Readiness for load balancers and compose: 200 when the portal can reach Strapi, 503 when it
 * cannot (the portal has nothing to show a client without it).
 */
export const GET: APIRoute = async () => {
  const strapiUp = await strapiClient().isHealthy();
  return new Response(
    JSON.stringify({ status: strapiUp ? 'ok' : 'degraded', strapi: strapiUp ? 'up' : 'unreachable' }),
    {
      status: strapiUp ? 200 : 503,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    }
  );
};
