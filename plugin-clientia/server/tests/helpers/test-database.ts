import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Client } from 'pg';

/** A database that exists only for one test file: a SQLite file, or a PostgreSQL database. */
export interface TestDatabase {
  kind: 'sqlite' | 'postgres';
  /** What Strapi's config/database.ts reads to connect to it. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

// Captured once per worker: test files overwrite DATABASE_URL while their Strapi runs.
const serverUrl = (process.env.CLIENTIA_TEST_SERVER_URL ??= process.env.DATABASE_URL ?? '');

const uniqueName = () =>
  `clientia_test_${process.env.JEST_WORKER_ID ?? '0'}_${process.pid}_${randomBytes(4).toString('hex')}`;

export const usingPostgres = () => serverUrl !== '';

export const createTestDatabase = async (): Promise<TestDatabase> => {
  const name = uniqueName();
  if (!usingPostgres()) {
    const filename = path.join(os.tmpdir(), `${name}.db`);
    return {
      kind: 'sqlite',
      env: { DATABASE_FILENAME: filename, DATABASE_URL: '' },
      async drop() {
        for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${filename}${suffix}`, { force: true });
      },
    };
  }

  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    env: { DATABASE_URL: url.toString(), DATABASE_POOL_MIN: '0', DATABASE_POOL_MAX: '5' },
    async drop() {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
};
