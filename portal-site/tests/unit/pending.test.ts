import { beforeEach, describe, expect, it, vi } from 'vitest';

import { PENDING_MAX_MS, PendingStore, type NewPending } from '../../src/lib/server/pending';
import { MemoryStore } from '../../src/lib/server/store/memory';

vi.mock('../../src/lib/server/config', () => ({
  config: () => ({ session: { idleMinutes: 30, absoluteHours: 8 } }),
  secureCookies: () => false,
}));

const MINUTE = 60_000;

describe('half-done sign-ins', () => {
  let now: number;
  let backing: MemoryStore;
  let store: PendingStore;
  const fields = (challengeExpiresAt: string, extra: Partial<NewPending> = {}): NewPending => ({
    step: 'second-factor',
    challenge: 'api-challenge-secret',
    method: 'password',
    next: '/invoices',
    challengeExpiresAt,
    ...extra,
  });
  const inMinutes = (minutes: number) => new Date(now + minutes * MINUTE).toISOString();

  beforeEach(() => {
    now = Date.parse('2026-11-29T09:00:00Z');
    const clock = () => now;
    backing = new MemoryStore(clock);
    store = new PendingStore(backing, clock);
  });

  it('gives the browser a random secret and keeps the challenge under its hash only', async () => {
    const { token, pending } = await store.create(fields(inMinutes(10)));
    const other = await store.create(fields(inMinutes(10)));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token).not.toBe(other.token);
    expect(pending.key).toMatch(/^[0-9a-f]{64}$/);
    expect(pending.key).not.toContain(token);
    expect(await backing.get(`pending:${pending.key}`)).toContain('api-challenge-secret');
    expect(await backing.get(`pending:${token}`), 'the secret itself is no key').toBeNull();
    const read = await store.read(token);
    expect(read?.data).toMatchObject({ step: 'second-factor', challenge: 'api-challenge-secret', method: 'password', next: '/invoices' });
    expect(await store.read(pending.key), 'the stored hash opens nothing').toBeNull();
    expect(await store.read('forged')).toBeNull();
    expect(await store.read(undefined)).toBeNull();
    expect(await store.read('x'.repeat(500))).toBeNull();
  });

  it('lasts ten minutes at most, however long the API would wait', async () => {
    const { token, pending } = await store.create(fields(inMinutes(60)));
    expect(pending.data.expiresAt - now).toBe(PENDING_MAX_MS);
    now += 9 * MINUTE + 59_000;
    expect(await store.read(token)).not.toBeNull();
    now += 2_000;
    expect(await store.read(token)).toBeNull();
  });

  it("ends with the API's challenge when that comes first", async () => {
    const { token, pending } = await store.create(fields(inMinutes(3)));
    expect(pending.data.expiresAt).toBe(now + 3 * MINUTE);
    now += 3 * MINUTE;
    expect(await store.read(token)).toBeNull();
  });

  it('takes ten minutes when the API sent no readable expiry', async () => {
    const { pending } = await store.create(fields('not a date'));
    expect(pending.data.expiresAt).toBe(now + PENDING_MAX_MS);
  });

  it('keeps what a step adds (the authenticator being set up) without extending its life', async () => {
    const { token, pending } = await store.create(fields(inMinutes(10), { step: 'enrol-two-factor' }));
    now += 4 * MINUTE;
    pending.data.enrolment = { secret: 'JBSWY3DPEHPK3PXP', otpauthUrl: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', qrSvg: '<svg/>' };
    await store.save(pending);
    expect((await store.read(token))?.data.enrolment?.secret).toBe('JBSWY3DPEHPK3PXP');
    now += 6 * MINUTE;
    expect(await store.read(token)).toBeNull();
  });

  it('is gone once destroyed: a completed sign-in cannot be completed twice', async () => {
    const { token, pending } = await store.create(fields(inMinutes(10)));
    await store.destroy(pending.key);
    expect(await store.read(token)).toBeNull();
  });

  it('drops a record it cannot read', async () => {
    const { token, pending } = await store.create(fields(inMinutes(10)));
    await backing.set(`pending:${pending.key}`, '{not json', MINUTE);
    expect(await store.read(token)).toBeNull();
    expect(await backing.get(`pending:${pending.key}`)).toBeNull();
  });

  it('lives in its own keys: a half-done sign-in is never a portal session', async () => {
    const { pending } = await store.create(fields(inMinutes(10)));
    expect(await backing.get(`session:${pending.key}`)).toBeNull();
  });
});
