import path from 'node:path';

import { config } from '../config';
import { FileStore } from './file';
import { MemoryStore } from './memory';
import { RedisStore } from './redis';
import type { KeyValueStore } from './types';

export type { KeyValueStore } from './types';

let shared: KeyValueStore | undefined;

/** The store named by SESSION_STORE (file by default, Redis when REDIS_URL is set). */
export const sessionStore = (): KeyValueStore => {
  if (shared) return shared;
  const { session } = config();
  if (session.store === 'redis' && session.redisUrl) shared = new RedisStore(session.redisUrl);
  else if (session.store === 'memory') shared = new MemoryStore();
  else shared = new FileStore(path.resolve(session.dir));
  return shared;
};
