import path from 'path';

import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

const APP_ROOT = path.resolve(__dirname, '..', '..');

/** TLS for managed PostgreSQL or MySQL/MariaDB: DATABASE_SSL=true, with an optional CA and strictness switch. */
const sslFromEnv = (env: Env) => {
  if (!env.bool('DATABASE_SSL', false)) return false;
  const ca = env('DATABASE_SSL_CA', '');
  return {
    rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
    ...(ca ? { ca } : {}),
  };
};

const poolFromEnv = (env: Env) => ({
  min: env.int('DATABASE_POOL_MIN', 2),
  max: env.int('DATABASE_POOL_MAX', 10),
});

const SCHEMES: Record<string, 'postgres' | 'mysql'> = {
  'postgres:': 'postgres',
  'postgresql:': 'postgres',
  'mysql:': 'mysql',
  'mariadb:': 'mysql',
};

/** The database client a DATABASE_URL asks for; the error names the variable but never echoes the URL (it may hold a password). */
const clientOf = (url: string): { client: 'postgres' | 'mysql'; parsed: URL } => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('DATABASE_URL is not a URL: expected postgres://, postgresql://, mysql:// or mariadb://user:password@host:port/database');
  }
  const client = SCHEMES[parsed.protocol];
  if (!client) {
    throw new Error(
      `DATABASE_URL has the scheme "${parsed.protocol}//": expected postgres:// or postgresql:// (PostgreSQL), mysql:// or mariadb:// (MySQL/MariaDB), or leave it empty for SQLite`
    );
  }
  return { client, parsed };
};

/**
 * Knex's mysql2 connection from a mysql:// or mariadb:// URL. Strapi's MySQL dialect adds its
 * type casts to this object at start, so it must be an object rather than a connection string.
 */
const mysqlConnection = (url: URL, env: Env) => {
  const ssl = sslFromEnv(env);
  return {
    host: decodeURIComponent(url.hostname) || '127.0.0.1',
    port: url.port ? Number(url.port) : 3306,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.replace(/^\//, '')),
    charset: 'utf8mb4',
    // DATETIME columns carry no zone: read and write them as UTC so the stored times do not
    // depend on the time zone of the host that happens to run Strapi.
    timezone: 'Z',
    ...(ssl ? { ssl } : {}),
  };
};

export default ({ env }: { env: Env }) => {
  const url = env('DATABASE_URL', '');
  if (url) {
    const { client, parsed } = clientOf(url);
    return {
      connection: {
        client,
        connection:
          client === 'postgres'
            ? { connectionString: url, ssl: sslFromEnv(env), schema: env('DATABASE_SCHEMA', 'public') }
            : mysqlConnection(parsed, env),
        pool: poolFromEnv(env),
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
