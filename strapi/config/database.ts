import path from 'path';

import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

const APP_ROOT = path.resolve(__dirname, '..', '..');

/** TLS for managed PostgreSQL: DATABASE_SSL=true, with an optional CA and strictness switch. */
const sslFromEnv = (env: Env) => {
  if (!env.bool('DATABASE_SSL', false)) return false;
  const ca = env('DATABASE_SSL_CA', '');
  return {
    rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
    ...(ca ? { ca } : {}),
  };
};

export default ({ env }: { env: Env }) => {
  const url = env('DATABASE_URL', '');
  if (url) {
    return {
      connection: {
        client: 'postgres',
        connection: {
          connectionString: url,
          ssl: sslFromEnv(env),
          schema: env('DATABASE_SCHEMA', 'public'),
        },
        pool: {
          min: env.int('DATABASE_POOL_MIN', 2),
          max: env.int('DATABASE_POOL_MAX', 10),
        },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }

  return {
    connection: {
      client: 'sqlite',
      connection: {
        // path.resolve keeps an absolute DATABASE_FILENAME as it is (tests use throwaway files).
        filename: path.resolve(APP_ROOT, env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
    },
  };
};
