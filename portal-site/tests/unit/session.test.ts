import { beforeEach, describe, expect, it, vi } from 'vitest';

import { SessionManager } from '../../src/lib/server/session';
import { MemoryStore } from '../../src/lib/server/store/memory';

vi.mock('../../src/lib/server/config', () => ({
  config: () => ({ session: { idleMinutes: 30, absoluteHours: 8 } }),
  secureCookies: () => false,
}));

const fields = (userId: number) => ({
  userId,
  email: `contact${userId}@client.example`,
  jwt: `jwt-${userId}`,
  clientId: 'client-1',
  locale: 'en',
  method: 'password' as const,
  userAgent: 'test',
  ip: '127.0.0.1',
});

describe('portal sessions', () => {
  let now: number;
  let manager: SessionManager;

  beforeEach(() => {
    now = Date.parse('2026-11-29T09:00:00Z');
    const clock = () => now;
    manager = new SessionManager(new MemoryStore(clock), clock);
  });

  it('gives each sign-in a new random secret and stores only its hash', async () => {
    const a = await manager.create(fields(1));
    const b = await manager.create(fields(1));
    expect(a.token).not.toBe(b.token);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.session.key).toMatch(/^[0-9a-f]{64}$/);
    expect(a.session.key).not.toContain(a.token);
    expect((await manager.read(a.token))?.data.jwt).toBe('jwt-1');
    expect(await manager.read('forged')).toBeNull();
    expect(await manager.read(a.session.key)).toBeNull();
  });

  it('ends a session left idle for the idle timeout', async () => {
    const { token } = await manager.create(fields(1));
    now += 29 * 60_000;
    expect(await manager.read(token)).not.toBeNull();
    now += 29 * 60_000;
    expect(await manager.read(token), 'each visit moves the idle deadline').not.toBeNull();
    now += 31 * 60_000;
    expect(await manager.read(token)).toBeNull();
  });

  it('ends a session at its absolute timeout however active it is', async () => {
    const { token } = await manager.create(fields(1));
    for (let minutes = 0; minutes < 8 * 60 - 10; minutes += 10) {
      now += 10 * 60_000;
      expect(await manager.read(token)).not.toBeNull();
    }
    now += 20 * 60_000;
    expect(await manager.read(token)).toBeNull();
  });

  it("signs out everywhere: every session of the contact ends, other contacts' stay", async () => {
    const first = await manager.create(fields(1));
    const second = await manager.create(fields(1));
    const other = await manager.create(fields(2));
    expect(await manager.list(1)).toHaveLength(2);
    expect(await manager.destroyAll(1)).toBe(2);
    expect(await manager.read(first.token)).toBeNull();
    expect(await manager.read(second.token)).toBeNull();
    expect(await manager.read(other.token)).not.toBeNull();
    expect(await manager.list(1)).toEqual([]);
  });

  it('ends one session without touching the others', async () => {
    const first = await manager.create(fields(1));
    const second = await manager.create(fields(1));
    await manager.destroy(first.session.key, 1);
    expect(await manager.read(first.token)).toBeNull();
    expect(await manager.read(second.token)).not.toBeNull();
    expect((await manager.list(1)).map((s) => s.key)).toEqual([second.session.key]);
  });
});
