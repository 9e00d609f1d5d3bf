import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { KeyValueStore } from './types';

interface Stored {
  value: string | string[];
  expires: number;
}

/**
 * Sessions in a folder, one file per key (named by the key's hash, written atomically with mode
 * 0600): sessions survive a restart of a single portal instance. Counters and sets are
 * read-modify-write, which is exact within one process; several instances share Redis instead.
 */
export class FileStore implements KeyValueStore {
  private ready: Promise<void> | undefined;
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly dir: string,
    private readonly now: () => number = Date.now
  ) {}

  private fileOf(key: string) {
    return path.join(this.dir, `${createHash('sha256').update(key).digest('hex')}.json`);
  }

  private async ensureDir() {
    this.ready ??= mkdir(this.dir, { recursive: true, mode: 0o700 }).then(() => undefined);
    await this.ready;
  }

  /** One change at a time per key inside this process. */
  private serial<T>(key: string, change: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    const run = previous.then(change, change);
    const settled = run.catch(() => undefined);
    this.locks.set(key, settled);
    void settled.then(() => {
      if (this.locks.get(key) === settled) this.locks.delete(key);
    });
    return run;
  }

  private async read(key: string): Promise<Stored | null> {
    let text: string;
    try {
      text = await readFile(this.fileOf(key), 'utf8');
    } catch {
      return null;
    }
    let stored: Stored;
    try {
      stored = JSON.parse(text) as Stored;
    } catch {
      return null;
    }
    if (stored.expires <= this.now()) {
      await rm(this.fileOf(key), { force: true });
      return null;
    }
    return stored;
  }

  private async write(key: string, stored: Stored) {
    await this.ensureDir();
    const target = this.fileOf(key);
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, JSON.stringify(stored), { mode: 0o600 });
    await rename(temporary, target);
  }

  async get(key: string) {
    const stored = await this.read(key);
    return typeof stored?.value === 'string' ? stored.value : null;
  }

  async set(key: string, value: string, ttlMs: number) {
    await this.serial(key, () => this.write(key, { value, expires: this.now() + ttlMs }));
    void this.sweepNow();
  }

  async delete(key: string) {
    await this.serial(key, () => rm(this.fileOf(key), { force: true }));
  }

  async increment(key: string, ttlMs: number) {
    return this.serial(key, async () => {
      const stored = await this.read(key);
      const next = (typeof stored?.value === 'string' ? Number(stored.value) : 0) + 1;
      await this.write(key, { value: String(next), expires: stored?.expires ?? this.now() + ttlMs });
      return next;
    });
  }

  async addMember(key: string, member: string, ttlMs: number) {
    await this.serial(key, async () => {
      const stored = await this.read(key);
      const members = new Set(Array.isArray(stored?.value) ? stored.value : []);
      members.add(member);
      await this.write(key, { value: [...members], expires: this.now() + ttlMs });
    });
  }

  async removeMember(key: string, member: string) {
    await this.serial(key, async () => {
      const stored = await this.read(key);
      if (!stored || !Array.isArray(stored.value)) return;
      await this.write(key, { value: stored.value.filter((m) => m !== member), expires: stored.expires });
    });
  }

  async members(key: string) {
    const stored = await this.read(key);
    return Array.isArray(stored?.value) ? stored.value : [];
  }

  async close() {}

  private lastSweep = 0;

  /** Expired files are removed at most once an hour, so the folder does not grow forever. */
  private async sweepNow() {
    const now = this.now();
    if (now - this.lastSweep < 3_600_000) return;
    this.lastSweep = now;
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const name of names) {
      const file = path.join(this.dir, name);
      if (name.endsWith('.tmp')) {
        const info = await stat(file).catch(() => null);
        if (info && now - info.mtimeMs > 60_000) await rm(file, { force: true });
        continue;
      }
      const text = await readFile(file, 'utf8').catch(() => null);
      if (text === null) continue;
      try {
        if ((JSON.parse(text) as Stored).expires <= now) await rm(file, { force: true });
      } catch {
        await rm(file, { force: true });
      }
    }
  }
}
