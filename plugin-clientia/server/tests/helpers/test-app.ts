import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { createStrapi, type Core } from '@strapi/strapi';
import request from 'supertest';

import { passwordStamp } from '../../src/sign-in/crypto';
import { createTestDatabase, type TestDatabase } from './test-database';

const APP_DIR = path.resolve(__dirname, '../../../../strapi');
// Compiled once by scripts/test.mjs before Jest starts (compileStrapi), so each file only boots.
const DIST_DIR = path.join(APP_DIR, 'dist');

export interface TestApp {
  strapi: Core.Strapi;
  database: TestDatabase;
  /** Where this boot's emails land, one .eml file each (the app's outbox transport). */
  outboxDir: string;
  /** supertest against the real HTTP server of this Strapi. */
  http: () => ReturnType<typeof request>;
  /** Stops Strapi; drops the database unless it is kept for a restart on the same data. */
  stop(options?: { keepDatabase?: boolean }): Promise<void>;
}

export interface StartOptions {
  /** Reuse a database from an earlier start (to test a restart). */
  database?: TestDatabase;
  /** Extra environment for this boot only. */
  env?: Record<string, string>;
}

const secret = () => randomBytes(24).toString('base64');

/** A database's private store goes with it: a restart on the same data finds the same files, and dropping it removes them. */
const storeOfDatabase = new WeakMap<TestDatabase, string>();
const storeOf = (database: TestDatabase) => {
  const known = storeOfDatabase.get(database);
  if (known) return known;
  const folder = mkdtempSync(path.join(os.tmpdir(), 'clientia-documents-'));
  storeOfDatabase.set(database, folder);
  const drop = database.drop.bind(database);
  database.drop = async () => {
    rmSync(folder, { recursive: true, force: true });
    await drop();
  };
  return folder;
};

export const startTestApp = async (options: StartOptions = {}): Promise<TestApp> => {
  const database = options.database ?? (await createTestDatabase());
  // Client files and emails go to private folders of this boot, removed with it (the files with its database).
  const documentsDir = storeOf(database);
  const outboxDir = mkdtempSync(path.join(os.tmpdir(), 'clientia-outbox-'));
  const env: Record<string, string> = {
    CLIENTIA_DOCUMENTS_DIR: documentsDir,
    EMAIL_OUTBOX_DIR: outboxDir,
    // Never a real mail server from a test, whatever the developer's shell has set.
    SMTP_HOST: '',
    NODE_ENV: 'test',
    STRAPI_TELEMETRY_DISABLED: 'true',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    CLIENTIA_DEMO: '',
    // Jobs run when a test calls them, never on the clock in the middle of a test.
    CLIENTIA_SCHEDULED_JOBS: 'false',
    CRON_ENABLED: 'false',
    ...database.env,
    ...options.env,
  };
  const previous = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);

  let strapi: Core.Strapi;
  try {
    strapi = await createStrapi({
      appDir: APP_DIR,
      distDir: DIST_DIR,
      autoReload: false,
      serveAdminPanel: false,
    }).load();
    await strapi.server.mount();
  } catch (error) {
    restoreEnv(previous);
    rmSync(outboxDir, { recursive: true, force: true });
    if (!options.database) await database.drop();
    throw error;
  }

  return {
    strapi,
    database,
    outboxDir,
    http: () => request(strapi.server.httpServer),
    async stop({ keepDatabase = false } = {}) {
      await settle(strapi);
      try {
        await strapi.destroy();
      } catch (error) {
        // Closing the PostgreSQL pool can abort a connection request still queued by Strapi's own
        // background work after the last assertion; the database is dropped next either way.
        if (!(error instanceof Error && error.message === 'aborted')) throw error;
      }
      restoreEnv(previous);
      rmSync(outboxDir, { recursive: true, force: true });
      if (!keepDatabase) await database.drop();
    },
  };
};

type PoolCounters = { numUsed(): number; numPendingAcquires(): number; numPendingCreates(): number };

/**
 * Waits (up to 5 s) for queries still running after the last assertion — work a request started
 * without awaiting, such as an activity entry or an email — because closing the pool would abort
 * them and fail the test file with an unhandled rejection.
 */
const settle = async (strapi: Core.Strapi) => {
  const pool = (strapi.db.connection.client as { pool?: PoolCounters }).pool;
  const busy = () => Boolean(pool && (pool.numUsed() > 0 || pool.numPendingAcquires() > 0 || pool.numPendingCreates() > 0));
  await new Promise((resolve) => setTimeout(resolve, 20));
  for (let waited = 0; busy() && waited < 5000; waited += 25) await new Promise((resolve) => setTimeout(resolve, 25));
};

const restoreEnv = (previous: Record<string, string | undefined>) => {
  for (const [key, value] of Object.entries(previous)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
};

/** A super admin and a token for the admin API, as the admin panel would hold it. */
export const adminToken = async (app: TestApp, email = 'staff@firm.example') => {
  const password = `Staff-${randomBytes(9).toString('base64url')}1a`;
  const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
  await app.strapi.service('admin::user').create({
    email,
    firstname: 'Firm',
    lastname: 'Staff',
    password,
    isActive: true,
    roles: [superAdmin.id],
    registrationToken: null,
  });
  const response = await app.http().post('/admin/login').send({ email, password }).expect(200);
  return response.body.data.token as string;
};

/** A confirmed portal user with the Authenticated role, and their users-permissions JWT. */
export const portalUser = async (app: TestApp, email: string) => {
  const password = `Contact-${randomBytes(9).toString('base64url')}1a`;
  const role = await app.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'client-contact' } });
  const user = await app.strapi.documents('plugin::users-permissions.user').create({
    data: {
      username: email.split('@')[0],
      email,
      password,
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    },
  });
  return { user, password, jwt: await sessionToken(app, Number(user.id)) };
};

/**
 * A portal token as a password sign-in leaves it: a live sign-in session of the contact and the
 * users-permissions token naming it (`sid`). Written directly, so a test's world opens no sign-in
 * entries in its clients' activity logs and meets no sign-in limits.
 */
export const sessionToken = async (app: TestApp, userId: number, { secondFactor = 'none' }: { secondFactor?: 'none' | 'totp' } = {}) => {
  const user = (await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: userId }, select: ['id', 'password'] })) as { password?: string };
  const now = Date.now();
  const session = (await app.strapi.db.query('plugin::clientia.portal-session' as never).create({
    data: { user: userId, method: 'password', secondFactor, passwordStamp: passwordStamp(user.password ?? null), lastSeenAt: new Date(now), expiresAt: new Date(now + 8 * 3_600_000) } as never,
  })) as { documentId: string };
  const jwt = app.strapi.plugin('users-permissions').service('jwt') as { issue(payload: object): string | Promise<string> };
  return String(await jwt.issue({ id: userId, sid: session.documentId }));
};
