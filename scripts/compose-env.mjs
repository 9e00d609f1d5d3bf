#!/usr/bin/env node
/** Prints a `.env` for docker-compose.yml with every secret generated: `node scripts/compose-env.mjs > .env`. */
import { randomBytes } from 'node:crypto';

import { STRAPI_SECRETS } from './lib/env-file.mjs';

const lines = [
  '# docker-compose settings, generated; keep private.',
  `POSTGRES_PASSWORD=${randomBytes(24).toString('base64url')}`,
  ...Object.entries(STRAPI_SECRETS).map(([key, generate]) => `${key}=${generate()}`),
  'PUBLIC_URL=http://localhost:4321',
  'STRAPI_PUBLIC_URL=http://localhost:1337',
  'TRUST_PROXY=false',
];
process.stdout.write(`${lines.join('\n')}\n`);
