import { beforeEach, describe, expect, it, vi } from 'vitest';

import { authMethodOf, BrowserSessions } from '../../src/lib/server/browser-session';
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
  secondFactor: 'none' as const,
  signInSessionId: `api-session-${userId}`,
  userAgent: 'test',
  ip: '127.0.0.1',
});

describe('portal sessions', () => {
  let now: number;
  let manager: BrowserSessions;

  beforeEach(() => {
    now = Date.parse('2026-11-29T09:00:00Z');
    const clock = () => now;
    manager = new BrowserSessions(new MemoryStore(clock), clock);
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

  it("ends the records standing on an API session the contact ended, and no one else's", async () => {
    const ended = await manager.create(fields(1));
    const kept = await manager.create({ ...fields(1), signInSessionId: 'api-session-other' });
    const foreign = await manager.create(fields(2));
    expect(await manager.destroySignInSession(1, 'api-session-1')).toBe(1);
    expect(await manager.read(ended.token), 'a copy of the ended cookie opens nothing').toBeNull();
    expect(await manager.read(kept.token)).not.toBeNull();
    expect(await manager.read(foreign.token)).not.toBeNull();
    expect(await manager.destroySignInSession(1, 'api-session-unknown')).toBe(0);
  });

  it('ends every other session of the contact and keeps this one', async () => {
    const here = await manager.create(fields(1));
    const elsewhere = await manager.create(fields(1));
    const again = await manager.create(fields(1));
    expect(await manager.destroyOthers(1, here.session.key)).toBe(2);
    expect(await manager.read(here.token)).not.toBeNull();
    expect(await manager.read(elsewhere.token)).toBeNull();
    expect(await manager.read(again.token)).toBeNull();
  });
});

describe('the sign-in method in the signing trail', () => {
  it('names the first factor, then the second one if any', () => {
    expect(authMethodOf({ method: 'password', secondFactor: 'none' })).toBe('password');
    expect(authMethodOf({ method: 'password', secondFactor: 'totp' })).toBe('password-totp');
    expect(authMethodOf({ method: 'link', secondFactor: 'totp' })).toBe('link-totp');
    expect(authMethodOf({ method: 'link', secondFactor: 'recovery-code' })).toBe('link-recovery-code');
    expect(authMethodOf({ method: 'passkey', secondFactor: 'none' })).toBe('passkey');
    for (const method of ['password', 'password-totp', 'link-totp', 'link-recovery-code', 'passkey']) {
      expect(method).toMatch(/^[a-z][a-z0-9_-]{0,31}$/);
    }
  });

  it('reads a session kept from before sign-in methods were recorded as a password session', () => {
    const older = { method: 'invitation', secondFactor: undefined } as unknown as Parameters<typeof authMethodOf>[0];
    expect(authMethodOf(older)).toBe('password');
  });
});
