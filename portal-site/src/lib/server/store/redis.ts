import { createClient } from 'redis';

import type { KeyValueStore } from './types';

const connectClient = async (url: string) => {
  const client = createClient({ url, socket: { connectTimeout: 5000, reconnectStrategy: (retries) => Math.min(retries * 200, 2000) } });
  // Errors reach the callers of each command; without a listener node-redis would crash the process.
  client.on('error', () => undefined);
  await client.connect();
  return client;
};

type Client = Awaited<ReturnType<typeof connectClient>>;

/** Sessions in Redis, shared by every portal instance; Redis expires the keys itself. */
export class RedisStore implements KeyValueStore {
  private client: Promise<Client> | undefined;

  constructor(
    private readonly url: string,
    private readonly prefix = 'portal:'
  ) {}

  private connect(): Promise<Client> {
    const pending =
      this.client ??
      connectClient(this.url).catch((error: unknown) => {
        this.client = undefined;
        throw error;
      });
    this.client = pending;
    return pending;
  }

  private k(key: string) {
    return this.prefix + key;
  }

  async get(key: string) {
    return (await this.connect()).get(this.k(key));
  }

  async set(key: string, value: string, ttlMs: number) {
    await (await this.connect()).set(this.k(key), value, { expiration: { type: 'PX', value: Math.max(1, Math.ceil(ttlMs)) } });
  }

  async delete(key: string) {
    await (await this.connect()).del(this.k(key));
  }

  async increment(key: string, ttlMs: number) {
    const client = await this.connect();
    const [count] = (await client
      .multi()
      .incr(this.k(key))
      .pExpire(this.k(key), Math.max(1, Math.ceil(ttlMs)), 'NX')
      .exec()) as unknown as [number, number];
    return Number(count);
  }

  async addMember(key: string, member: string, ttlMs: number) {
    const client = await this.connect();
    await client.multi().sAdd(this.k(key), member).pExpire(this.k(key), Math.max(1, Math.ceil(ttlMs))).exec();
  }

  async removeMember(key: string, member: string) {
    await (await this.connect()).sRem(this.k(key), member);
  }

  async members(key: string) {
    return (await this.connect()).sMembers(this.k(key));
  }

  async close() {
    const pending = this.client;
    this.client = undefined;
    if (pending) await (await pending).quit().catch(() => undefined);
  }
}
