import { createHash } from 'node:crypto';

import { beforeEach, describe, expect, it, vi } from 'vitest';

import { BrowserSessions } from '../../src/lib/server/browser-session';
import { MemoryStore } from '../../src/lib/server/store/memory';

vi.mock('../../src/lib/server/config', () => ({
  config: () => ({ session: { idleMinutes: 30, absoluteHours: 8 } }),
  secureCookies: () => false,
}));

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A browser session as every portal version so far has stored it. */
const storedEarlier = (now: number) => ({
  userId: 1,
  email: 'contact1@client.example',
  jwt: 'jwt-1',
  clientId: 'client-1',
  locale: 'en',
  method: 'password',
  secondFactor: 'none',
  apiSessionId: 'sign-in-session-1',
  createdAt: now,
  lastSeenAt: now,
  expiresAt: now + 8 * 3_600_000,
  userAgent: 'test',
  ip: '127.0.0.1',
});

describe('browser sessions in the store', () => {
  let now: number;
  let store: MemoryStore;
  let sessions: BrowserSessions;

  beforeEach(() => {
    now = Date.parse('2026-11-29T09:00:00Z');
    const clock = () => now;
    store = new MemoryStore(clock);
    sessions = new BrowserSessions(store, clock);
  });

  it('opens a browser session stored before the sign-in session id was renamed, and ends it by that id', async () => {
    await store.set(`session:${hash('old-cookie')}`, JSON.stringify(storedEarlier(now)), 60_000);
    await store.addMember('user-sessions:1', hash('old-cookie'), 60_000);
    const live = await sessions.read('old-cookie');
    expect(live?.data.signInSessionId).toBe('sign-in-session-1');
    expect(live?.data).not.toHaveProperty('apiSessionId');
    expect(await sessions.destroySignInSession(1, 'sign-in-session-1')).toBe(1);
    expect(await sessions.read('old-cookie')).toBeNull();
  });

  it('reads a browser session stored without any sign-in session id as having none', async () => {
    const { apiSessionId: _omitted, ...withoutId } = storedEarlier(now);
    await store.set(`session:${hash('oldest-cookie')}`, JSON.stringify(withoutId), 60_000);
    expect((await sessions.read('oldest-cookie'))?.data.signInSessionId).toBeNull();
  });

  it('keeps the stored name, so a portal rolled back still finds the sign-in session', async () => {
    const { token, session } = await sessions.create({
      userId: 1,
      email: 'contact1@client.example',
      jwt: 'jwt-1',
      clientId: 'client-1',
      locale: 'en',
      method: 'password',
      secondFactor: 'none',
      signInSessionId: 'sign-in-session-2',
      userAgent: 'test',
      ip: '127.0.0.1',
    });
    const stored = JSON.parse((await store.get(`session:${hash(token)}`))!);
    expect(stored.apiSessionId).toBe('sign-in-session-2');
    expect(stored).not.toHaveProperty('signInSessionId');
    session.data.locale = 'de';
    await sessions.save(session);
    expect(JSON.parse((await store.get(`session:${hash(token)}`))!)).toMatchObject({ apiSessionId: 'sign-in-session-2', locale: 'de' });
  });
});
