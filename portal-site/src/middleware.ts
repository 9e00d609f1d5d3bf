import { defineMiddleware, sequence } from 'astro:middleware';

import { config } from './lib/server/config';
import { securityHeaders } from './lib/server/security-headers';

const withSecurityHeaders = defineMiddleware(async (_context, next) => {
  const response = await next();
  for (const [name, value] of Object.entries(securityHeaders(config().production))) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  return response;
});

export const onRequest = sequence(withSecurityHeaders);
