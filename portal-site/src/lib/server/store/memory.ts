import type { KeyValueStore } from './types';

interface Entry {
  value: string | Set<string>;
  expires: number;
}

/** Sessions kept in this process only: for tests and single-instance setups. */
export class MemoryStore implements KeyValueStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  async get(key: string) {
    const entry = this.live(key);
    return typeof entry?.value === 'string' ? entry.value : null;
  }

  async set(key: string, value: string, ttlMs: number) {
    this.entries.set(key, { value, expires: this.now() + ttlMs });
    this.sweep();
  }

  async delete(key: string) {
    this.entries.delete(key);
  }

  async increment(key: string, ttlMs: number) {
    const entry = this.live(key);
    const next = (typeof entry?.value === 'string' ? Number(entry.value) : 0) + 1;
    this.entries.set(key, { value: String(next), expires: entry?.expires ?? this.now() + ttlMs });
    return next;
  }

  async addMember(key: string, member: string, ttlMs: number) {
    const entry = this.live(key);
    const set = entry?.value instanceof Set ? entry.value : new Set<string>();
    set.add(member);
    this.entries.set(key, { value: set, expires: this.now() + ttlMs });
  }

  async removeMember(key: string, member: string) {
    const entry = this.live(key);
    if (entry?.value instanceof Set) entry.value.delete(member);
  }

  async members(key: string) {
    const entry = this.live(key);
    return entry?.value instanceof Set ? [...entry.value] : [];
  }

  async close() {
    this.entries.clear();
  }

  private writes = 0;

  /** Expired entries are dropped now and then, so an idle portal does not grow without bound. */
  private sweep() {
    this.writes += 1;
    if (this.writes % 500 !== 0) return;
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expires <= now) this.entries.delete(key);
  }
}
