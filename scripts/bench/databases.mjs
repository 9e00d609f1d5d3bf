/** Throwaway benchmark databases: one SQLite file or one PostgreSQL database per tier. */
import { mkdirSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** @param {(client: any) => Promise<void>} work */
const withPostgres = async (work) => {
  const { Client } = require('pg');
  const client = new Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
};

export const postgresReachable = async () => {
  try {
    await withPostgres(async (client) => {
      await client.query('SELECT 1');
    });
    return true;
  } catch {
    return false;
  }
};

/**
 * The environment that points Strapi at this tier's database. With `reuse`, an existing one is
 * kept (the caller checks that it holds the tier); otherwise it starts empty.
 * @param {'sqlite' | 'postgres'} dialect
 * @param {string} tier
 * @param {{ workDir: string, reuse: boolean }} options
 */
export const tierDatabase = async (dialect, tier, { workDir, reuse }) => {
  if (dialect === 'sqlite') {
    const filename = path.join(workDir, `tier-${tier}.db`);
    mkdirSync(workDir, { recursive: true });
    const existed = existsSync(filename);
    if (!reuse || !existed) for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(filename + suffix, { force: true });
    return { dialect, existed: reuse && existed, env: { DATABASE_URL: '', DATABASE_FILENAME: filename } };
  }
  const name = `clientia_bench_${tier.toLowerCase()}`;
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  let existed = false;
  await withPostgres(async (client) => {
    existed = (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount > 0;
    if (existed && reuse) return;
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });
  return {
    dialect,
    existed: reuse && existed,
    env: { DATABASE_URL: url.toString(), DATABASE_FILENAME: '' },
  };
};
