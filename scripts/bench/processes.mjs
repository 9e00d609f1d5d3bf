/**
 * The processes a benchmark run starts: Strapi workers, the two floor servers and the portal, each
 * its own Node process on a free loopback port, stopped together at the end.
 */
import { fork, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { STRAPI_SECRETS } from '../lib/env-file.mjs';

const here = import.meta.dirname;
export const root = path.resolve(here, '..', '..');

export const freePort = () =>
  /** @type {Promise<number>} */ (new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  }));

/** Resident memory of a process, in bytes, as the kernel counts it. */
export const rssOf = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb * 1024;
};

/** Secrets for one benchmark run only: nothing here is kept or committed. */
export const runSecrets = () => Object.fromEntries(Object.entries(STRAPI_SECRETS).map(([name, generate]) => [name, generate()]));

const OFFLINE = { STRAPI_TELEMETRY_DISABLED: 'true', ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DISABLE_UPDATE_CHECK: 'true' };

/**
 * A child speaking the benchmark's IPC protocol: `{ ready }` once, then one answer per `{ id, cmd }`.
 * @param {import('node:child_process').ChildProcess} child
 * @param {string} label
 */
const ipcChild = (child, label) => {
  let next = 0;
  const waiting = new Map();
  let readyMessage;
  const ready = new Promise((resolve, reject) => {
    child.on('message', (message) => {
      const m = /** @type {any} */ (message);
      if (m.ready) {
        readyMessage = m;
        resolve(m);
        return;
      }
      const entry = waiting.get(m.id);
      if (!entry) return;
      waiting.delete(m.id);
      if (m.ok) entry.resolve(m.value);
      else entry.reject(new Error(`${label}: ${m.error}`));
    });
    child.on('exit', (code, signal) => {
      const error = new Error(`${label} stopped (${signal ?? `exit ${code}`})`);
      reject(error);
      for (const entry of waiting.values()) entry.reject(error);
      waiting.clear();
    });
  });
  return {
    child,
    ready,
    get readyMessage() {
      return readyMessage;
    },
    /** @returns {Promise<any>} */
    call: (cmd, extra = {}) =>
      new Promise((resolve, reject) => {
        const id = (next += 1);
        waiting.set(id, { resolve, reject });
        child.send({ id, cmd, ...extra });
      }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ id: 0, cmd: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
};

/**
 * A Strapi worker on `database` (SQLite file or PostgreSQL URL). Resolves once it listens.
 * @param {{ dist: string, database: { env: Record<string, string> }, secrets: Record<string, string>, workDir: string }} options
 */
export const startStrapi = async ({ dist, database, secrets, workDir }) => {
  const port = await freePort();
  const startedAt = performance.now();
  const child = fork(path.join(here, 'strapi-worker.mjs'), [], {
    execArgv: ['--expose-gc'],
    env: {
      ...process.env,
      ...OFFLINE,
      ...secrets,
      ...database.env,
      BENCH_DIST: dist,
      PORT: String(port),
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      CLIENTIA_DEMO: '',
      CLIENTIA_SCHEDULED_JOBS: 'false',
      CRON_ENABLED: 'false',
      SMTP_HOST: '',
      CLIENTIA_DOCUMENTS_DIR: path.join(workDir, 'documents'),
      EMAIL_OUTBOX_DIR: path.join(workDir, 'outbox'),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const worker = ipcChild(child, 'Strapi');
  const ready = await worker.ready;
  return { ...worker, port, url: `http://127.0.0.1:${port}`, startedAt, bootMs: ready.bootMs };
};

/** @param {'bare-server.mjs' | 'sql-server.mjs'} script */
export const startFloorServer = async (script, env = {}) => {
  const port = await freePort();
  const child = fork(path.join(here, script), [], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const server = ipcChild(child, script);
  await server.ready;
  return { ...server, port, url: `http://127.0.0.1:${port}` };
};

/**
 * The built portal (`node ./dist/server/entry.mjs`, its production start) against `strapiUrl`.
 * @param {{ strapiUrl: string, redisUrl: string | null }} options
 */
export const startPortal = async ({ strapiUrl, redisUrl }) => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(root, 'portal-site', 'dist', 'server', 'entry.mjs')], {
    env: {
      ...process.env,
      ...OFFLINE,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      STRAPI_URL: strapiUrl,
      PUBLIC_URL: url,
      ...(redisUrl ? { SESSION_STORE: 'redis', REDIS_URL: redisUrl } : { SESSION_STORE: 'memory' }),
      PORTAL_BENCH: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const response = await fetch(`${url}/health`);
      await response.body?.cancel();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`the portal stopped at start (exit ${child.exitCode})`);
    if (Date.now() > deadline) throw new Error('the portal did not answer /health within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    port,
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
};

/** Redis for the portal's sessions when one answers on the usual address, else in-memory sessions. */
export const reachableRedis = async (url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0') => {
  const { hostname, port } = new URL(url);
  const open = await new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
  return open ? url : null;
};
