/**
 * The little a session store must do. Three backends implement it: memory (one process), file
 * (one machine, survives restarts) and Redis (shared by every portal instance).
 */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  /** Stores the value; it disappears after ttlMs. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Adds one to a counter that starts at 0 and expires ttlMs after its first increment. */
  increment(key: string, ttlMs: number): Promise<number>;
  /** A set of strings under one key, e.g. the sessions of one user; ttlMs is renewed on each add. */
  addMember(key: string, member: string, ttlMs: number): Promise<void>;
  removeMember(key: string, member: string): Promise<void>;
  members(key: string): Promise<string[]>;
  close(): Promise<void>;
}
