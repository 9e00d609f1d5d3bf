/**
 * One throwaway database per server for the install check: a SQLite file always, a PostgreSQL
 * and a MariaDB database when those servers answer. Each is created empty and dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export const POSTGRES_URL = process.env.CLIENTIA_INSTALL_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const MARIADB_URL = process.env.CLIENTIA_INSTALL_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306/mysql';

/**
 * @typedef {object} Database
 * @property {string} name
 * @property {Record<string, string>} env what points the app at it
 * @property {() => Promise<void>} drop
 */

/** @param {string} base @param {string} database */
const withDatabase = (base, database) => {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
};

/** @param {string} dir @returns {Database} */
export const sqliteDatabase = (dir) => {
  const filename = path.join(dir, 'data.db');
  return {
    name: 'SQLite',
    env: { DATABASE_URL: '', DATABASE_FILENAME: filename },
    drop: async () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(filename + suffix, { force: true });
    },
  };
};

/** @param {(client: import('pg').Client) => Promise<void>} work */
const withPostgres = async (work) => {
  const { Client } = require('pg');
  const client = new Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
};

/** @param {(connection: import('mysql2/promise').Connection) => Promise<void>} work */
const withMariadb = async (work) => {
  const mysql = require('mysql2/promise');
  const url = new URL(MARIADB_URL);
  const connection = await mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    connectTimeout: 2000,
  });
  try {
    await work(connection);
  } finally {
    await connection.end();
  }
};

const freshName = () => `clientia_install_${process.pid}_${randomBytes(3).toString('hex')}`;

/**
 * A new empty PostgreSQL database, or the reason there is none.
 * @returns {Promise<Database | string>}
 */
export const postgresDatabase = async () => {
  const name = freshName();
  try {
    await withPostgres(async (client) => {
      await client.query(`CREATE DATABASE ${name}`);
    });
  } catch (error) {
    return `PostgreSQL at ${new URL(POSTGRES_URL).host} did not answer (${error instanceof Error ? error.message : error})`;
  }
  return {
    name: 'PostgreSQL',
    env: { DATABASE_URL: withDatabase(POSTGRES_URL, name), DATABASE_FILENAME: '' },
    drop: () =>
      withPostgres(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
};

/**
 * A new empty MariaDB (or MySQL) database, or the reason there is none.
 * @returns {Promise<Database | string>}
 */
export const mariadbDatabase = async () => {
  const name = freshName();
  try {
    require.resolve('mysql2/promise');
  } catch {
    return 'mysql2 is not installed in the repository';
  }
  try {
    await withMariadb(async (connection) => {
      await connection.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    });
  } catch (error) {
    return `MariaDB at ${new URL(MARIADB_URL).host} did not answer (${error instanceof Error ? error.message : error})`;
  }
  return {
    name: 'MariaDB',
    env: { DATABASE_URL: withDatabase(MARIADB_URL, name), DATABASE_FILENAME: '' },
    drop: () =>
      withMariadb(async (connection) => {
        await connection.query(`DROP DATABASE IF EXISTS ${name}`);
      }),
  };
};
