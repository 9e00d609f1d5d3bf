import { createHash } from 'node:crypto';

import { sessionStore, type KeyValueStore } from './store';

interface ThrottleRule {
  /** Failures allowed within the window. */
  limit: number;
  windowMs: number;
}

/** Sign-in: a handful of wrong passwords per account, more per address (offices share one). */
export const SIGN_IN_PER_ACCOUNT: ThrottleRule = { limit: 5, windowMs: 15 * 60_000 };
export const SIGN_IN_PER_IP: ThrottleRule = { limit: 30, windowMs: 15 * 60_000 };
/**
 * Authenticator and recovery codes: a few tries per half-done sign-in (the API also locks the
 * account's codes after five wrong ones), more per address.
 */
export const CODES_PER_SIGN_IN: ThrottleRule = { limit: 5, windowMs: 15 * 60_000 };
export const CODES_PER_IP: ThrottleRule = { limit: 30, windowMs: 15 * 60_000 };
/** Password-reset and invitation forms, per address. */
export const FORMS_PER_IP: ThrottleRule = { limit: 20, windowMs: 15 * 60_000 };

const digest = (value: string) => createHash('sha256').update(value.trim().toLowerCase()).digest('hex').slice(0, 32);

/**
 * Counts failures in fixed windows in the session store, so every portal instance sharing Redis
 * sees the same counts. Keys hold hashes, never the email addresses themselves.
 */
export class Throttle {
  constructor(private readonly store: KeyValueStore) {}

  private key(scope: string, subject: string) {
    return `throttle:${scope}:${digest(subject)}`;
  }

  async isBlocked(scope: string, subject: string, rule: ThrottleRule): Promise<boolean> {
    const count = Number((await this.store.get(this.key(scope, subject))) ?? 0);
    return count >= rule.limit;
  }

  async fail(scope: string, subject: string, rule: ThrottleRule): Promise<number> {
    return this.store.increment(this.key(scope, subject), rule.windowMs);
  }

  async clear(scope: string, subject: string): Promise<void> {
    await this.store.delete(this.key(scope, subject));
  }
}

let shared: Throttle | undefined;
export const throttle = () => (shared ??= new Throttle(sessionStore()));
