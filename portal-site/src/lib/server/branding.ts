import type { PublicBranding } from '../../../../plugin-clientia/shared/contracts/branding';
import { strapiClient } from './strapi';

/** Shown when Strapi cannot be reached: neutral, and never the product's own name. */
const UNAVAILABLE_BRANDING: PublicBranding = {
  firmName: 'Client portal',
  logoUrl: null,
  faviconUrl: null,
  primaryColor: '#1f3a5f',
  accentColor: '#c8963e',
  portalUrl: null,
  supportEmail: null,
  footerText: null,
  legalText: null,
  defaultLocale: 'en',
};

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
    return { branding: cache?.value ?? UNAVAILABLE_BRANDING, live: false };
  }
};
