/**
 * Runtime configuration of the portal, read from the process environment on each start (never
 * inlined at build time), so one build serves any firm's domain.
 */
export interface PortalConfig {
  /** Base URL of the firm's Strapi, as the portal server reaches it (often a private address). */
  strapiUrl: string;
  /** Address clients use to reach the portal, e.g. https://portal.yourfirm.com. */
  publicUrl: string;
  /** Milliseconds before a call to Strapi is abandoned. */
  strapiTimeoutMs: number;
  production: boolean;
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
  };
};

let cached: PortalConfig | undefined;

export const config = (): PortalConfig => (cached ??= readConfig());
