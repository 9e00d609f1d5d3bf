import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { createConnection } from 'mysql2/promise';
import { Client } from 'pg';

export type TestDatabaseKind = 'sqlite' | 'postgres' | 'mysql';

/** A database that exists only for one test file: a SQLite file, or a PostgreSQL or MySQL/MariaDB database. */
export interface TestDatabase {
  kind: TestDatabaseKind;
  /** What Strapi's config/database.ts reads to connect to it. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

// Captured once per worker: test files overwrite DATABASE_URL while their Strapi runs.
const serverUrl = (process.env.CLIENTIA_TEST_SERVER_URL ??= process.env.DATABASE_URL ?? '');

const uniqueName = () =>
  `clientia_test_${process.env.JEST_WORKER_ID ?? '0'}_${process.pid}_${randomBytes(4).toString('hex')}`;

/** The database server this suite was asked for, by the scheme of DATABASE_URL (as the app reads it). */
export const testDatabaseKind = (): TestDatabaseKind => {
  if (serverUrl === '') return 'sqlite';
  const scheme = new URL(serverUrl).protocol;
  if (scheme === 'postgres:' || scheme === 'postgresql:') return 'postgres';
  if (scheme === 'mysql:' || scheme === 'mariadb:') return 'mysql';
  throw new Error(`DATABASE_URL for the tests has the unsupported scheme "${scheme}//"`);
};

/** The server URL with another database name in it. */
const urlFor = (name: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

const sqliteDatabase = (name: string): TestDatabase => {
  const filename = path.join(os.tmpdir(), `${name}.db`);
  return {
    kind: 'sqlite',
    env: { DATABASE_FILENAME: filename, DATABASE_URL: '' },
    async drop() {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${filename}${suffix}`, { force: true });
    },
  };
};

const postgresDatabase = async (name: string): Promise<TestDatabase> => {
  const onServer = async (sql: string) => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await onServer(`CREATE DATABASE "${name}"`);
  return {
    kind: 'postgres',
    env: { DATABASE_URL: urlFor(name), DATABASE_POOL_MIN: '0', DATABASE_POOL_MAX: '5' },
    drop: () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
};

const mysqlDatabase = async (name: string): Promise<TestDatabase> => {
  const onServer = async (sql: string) => {
    // mysql2 reads mysql:// only; mariadb:// names the same protocol.
    const connection = await createConnection({ uri: serverUrl.replace(/^mariadb:/, 'mysql:') });
    try {
      await connection.query(sql);
    } finally {
      await connection.end();
    }
  };
  // The server's default character set may be a 3-byte utf8 or latin1, and the app stores any
  // text. The collation stays the server's default for utf8mb4 (case-insensitive), as on a real
  // installation, so the suite sees the comparisons the product will meet there.
  await onServer(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
  return {
    kind: 'mysql',
    env: { DATABASE_URL: urlFor(name), DATABASE_POOL_MIN: '0', DATABASE_POOL_MAX: '5' },
    drop: () => onServer(`DROP DATABASE IF EXISTS \`${name}\``),
  };
};

export const createTestDatabase = async (): Promise<TestDatabase> => {
  const name = uniqueName();
  switch (testDatabaseKind()) {
    case 'sqlite':
      return sqliteDatabase(name);
    case 'postgres':
      return postgresDatabase(name);
    case 'mysql':
      return mysqlDatabase(name);
  }
};
