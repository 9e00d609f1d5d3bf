import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createConnection } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { FileStore } from '../../src/lib/server/store/file';
import { MemoryStore } from '../../src/lib/server/store/memory';
import { RedisStore } from '../../src/lib/server/store/redis';
import type { KeyValueStore } from '../../src/lib/server/store/types';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15';

/** Redis runs on every development and CI machine; the suite says so plainly when it does not. */
const redisReachable = await new Promise<boolean>((resolve) => {
  const url = new URL(REDIS_URL);
  const socket = createConnection({ host: url.hostname, port: Number(url.port || 6379) });
  socket.once('connect', () => {
    socket.destroy();
    resolve(true);
  });
  socket.once('error', () => resolve(false));
});

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const run = `${process.pid}-${Date.now()}`;

const backends: [string, () => KeyValueStore, boolean][] = [
  ['memory', () => new MemoryStore(), true],
  [
    'file',
    () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'portal-sessions-'));
      dirs.push(dir);
      return new FileStore(dir);
    },
    true,
  ],
  ['redis', () => new RedisStore(REDIS_URL, `portal-test:${run}:`), redisReachable],
];

describe.each(backends)('%s session store', (_name, make, available) => {
  it.runIf(available)('stores, reads and deletes values, which expire after their time', async () => {
    const store = make();
    try {
      await store.set('a', 'one', 60_000);
      await store.set('b', 'two', 50);
      expect(await store.get('a')).toBe('one');
      expect(await store.get('b')).toBe('two');
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(await store.get('b')).toBeNull();
      await store.delete('a');
      expect(await store.get('a')).toBeNull();
      expect(await store.get('never')).toBeNull();
    } finally {
      await store.close();
    }
  });

  it.runIf(available)('counts exactly under concurrent increments, within one window', async () => {
    const store = make();
    try {
      const counts = await Promise.all(Array.from({ length: 20 }, () => store.increment('counter', 60_000)));
      expect([...counts].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await store.get('counter')).toBe('20');
    } finally {
      await store.close();
    }
  });

  it.runIf(available)('keeps sets of members (the sessions of one contact)', async () => {
    const store = make();
    try {
      await Promise.all(['s1', 's2', 's3'].map((member) => store.addMember('user:1', member, 60_000)));
      expect((await store.members('user:1')).sort()).toEqual(['s1', 's2', 's3']);
      await store.removeMember('user:1', 's2');
      expect((await store.members('user:1')).sort()).toEqual(['s1', 's3']);
      await store.delete('user:1');
      expect(await store.members('user:1')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe('file session store', () => {
  it('writes files only its owner can read, named by hash (no key in file names)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'portal-sessions-'));
    dirs.push(dir);
    const store = new FileStore(dir);
    await store.set('session:abc', 'secret', 60_000);
    const [name] = readdirSync(dir);
    expect(name).toMatch(/^[0-9a-f]{64}\.json$/);
    expect(statSync(path.join(dir, name!)).mode & 0o777).toBe(0o600);
    expect(await new FileStore(dir).get('session:abc')).toBe('secret');
  });
});

describe('redis session store', () => {
  it('is reachable on this machine (the other Redis tests would be skipped otherwise)', () => {
    if (process.env.CI || process.env.CLIENTIA_REQUIRE_REDIS) expect(redisReachable).toBe(true);
  });
});
