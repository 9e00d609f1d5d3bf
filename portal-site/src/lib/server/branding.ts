import { NEUTRAL_BRANDING, type PublicBranding } from '../../../../plugin-clientia/shared/contracts/branding';
import { strapiClient } from './strapi';

const TTL_MS = 60_000;
let cache: { value: PublicBranding; expires: number } | undefined;

/**
 * The firm's brand for every page. Cached briefly in memory: branding changes rarely, and every
 * page view would otherwise cost a call to Strapi.
 */
export const loadBranding = async (now = Date.now()): Promise<{ branding: PublicBranding; live: boolean }> => {
  if (cache && cache.expires > now) return { branding: cache.value, live: true };
  try {
    const value = await strapiClient().getBranding();
    cache = { value, expires: now + TTL_MS };
    return { branding: value, live: true };
  } catch {
    return { branding: cache?.value ?? NEUTRAL_BRANDING, live: false };
  }
};
