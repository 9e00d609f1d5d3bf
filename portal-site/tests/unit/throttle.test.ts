import { describe, expect, it } from 'vitest';

import { MemoryStore } from '../../src/lib/server/store/memory';
import { Throttle } from '../../src/lib/server/throttle';

describe('sign-in throttle', () => {
  it('blocks after the limit within the window and frees the subject after it', async () => {
    let now = 0;
    const throttle = new Throttle(new MemoryStore(() => now));
    const rule = { limit: 3, windowMs: 60_000 };
    for (let i = 0; i < 3; i += 1) {
      expect(await throttle.isBlocked('acct', 'Anna@Client.example', rule)).toBe(false);
      await throttle.fail('acct', 'anna@client.example', rule);
    }
    expect(await throttle.isBlocked('acct', ' ANNA@client.example ', rule), 'the same address however it is typed').toBe(true);
    expect(await throttle.isBlocked('acct', 'other@client.example', rule)).toBe(false);
    now += 60_001;
    expect(await throttle.isBlocked('acct', 'anna@client.example', rule)).toBe(false);
  });

  it('forgets the failures of an account after a successful sign-in', async () => {
    const throttle = new Throttle(new MemoryStore());
    const rule = { limit: 2, windowMs: 60_000 };
    await throttle.fail('acct', 'anna@client.example', rule);
    await throttle.fail('acct', 'anna@client.example', rule);
    expect(await throttle.isBlocked('acct', 'anna@client.example', rule)).toBe(true);
    await throttle.clear('acct', 'anna@client.example');
    expect(await throttle.isBlocked('acct', 'anna@client.example', rule)).toBe(false);
  });
});
