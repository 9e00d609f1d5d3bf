/**
 * Runtime configuration of the portal, read from the process environment on each start (never
 * inlined at build time), so one build serves any firm's domain.
 */
type SessionStoreKind = 'memory' | 'file' | 'redis';

interface SessionConfig {
  /** Where sessions live: one process (memory), one machine (file) or shared by every instance (redis). */
  store: SessionStoreKind;
  /** Folder of the file store. */
  dir: string;
  /** Redis connection for the redis store, e.g. redis://127.0.0.1:6379/0. */
  redisUrl: string | null;
  /** A session unused this long ends. */
  idleMinutes: number;
  /** A session ends this long after sign-in, however active (never beyond the Strapi token's life). */
  absoluteHours: number;
}

interface PortalConfig {
  /** Base URL of the firm's Strapi, as the portal server reaches it (often a private address). */
  strapiUrl: string;
  /** Address clients use to reach the portal, e.g. https://portal.yourfirm.com. */
  publicUrl: string;
  /** Milliseconds before a call to Strapi is abandoned. */
  strapiTimeoutMs: number;
  production: boolean;
  session: SessionConfig;
}

const absoluteUrl = (name: string, value: string): string => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an absolute URL such as https://cms.yourfirm.com (got "${value}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${name} must use http or https (got "${value}")`);
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
};

const positiveNumber = (env: Record<string, string | undefined>, name: string, fallback: number, unit: string): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of ${unit} (got "${raw}")`);
  return value;
};

const sessionConfig = (env: Record<string, string | undefined>): SessionConfig => {
  const redisUrl = env.REDIS_URL ? env.REDIS_URL : null;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new Error(`REDIS_URL must start with redis:// or rediss:// (got "${redisUrl}")`);
  }
  const requested = env.SESSION_STORE || (redisUrl ? 'redis' : 'file');
  if (requested !== 'memory' && requested !== 'file' && requested !== 'redis') {
    throw new Error(`SESSION_STORE must be memory, file or redis (got "${requested}")`);
  }
  if (requested === 'redis' && !redisUrl) throw new Error('SESSION_STORE=redis needs REDIS_URL');
  const idleMinutes = positiveNumber(env, 'SESSION_IDLE_MINUTES', 30, 'minutes');
  const absoluteHours = positiveNumber(env, 'SESSION_ABSOLUTE_HOURS', 8, 'hours');
  if (idleMinutes > absoluteHours * 60) {
    throw new Error(`SESSION_IDLE_MINUTES (${idleMinutes}) cannot be longer than SESSION_ABSOLUTE_HOURS (${absoluteHours} h)`);
  }
  return { store: requested, dir: env.SESSION_DIR || '.data/sessions', redisUrl, idleMinutes, absoluteHours };
};

export const readConfig = (env: Record<string, string | undefined> = process.env): PortalConfig => {
  const timeout = Number(env.STRAPI_TIMEOUT_MS ?? 5000);
  if (!Number.isInteger(timeout) || timeout <= 0) {
    throw new Error(`STRAPI_TIMEOUT_MS must be a positive whole number of milliseconds (got "${env.STRAPI_TIMEOUT_MS}")`);
  }
  return {
    strapiUrl: absoluteUrl('STRAPI_URL', env.STRAPI_URL ?? 'http://127.0.0.1:1337'),
    publicUrl: absoluteUrl('PUBLIC_URL', env.PUBLIC_URL ?? 'http://localhost:4321'),
    strapiTimeoutMs: timeout,
    production: env.NODE_ENV === 'production',
    session: sessionConfig(env),
  };
};

let cached: PortalConfig | undefined;

export const config = (): PortalConfig => (cached ??= readConfig());

/** Cookies are Secure (and take the __Host- prefix) whenever clients reach the portal over https. */
export const secureCookies = (): boolean => config().production || config().publicUrl.startsWith('https:');
