import { adjustForContrast } from '@clientia/shared/colors';
import { NEUTRAL_BRANDING, type PublicBranding } from '@clientia/shared/contracts/branding';
import { config } from './config';
import { strapiClient } from './strapi';

/** Served from memory this long; after that Strapi is asked, cheaply, whether anything changed. */
const FRESH_MS = 10_000;

let cache: { value: PublicBranding; etag: string | null; checked: number } | undefined;

/**
 * The firm's brand for every page. Branding changes rarely, so it is kept in memory and
 * revalidated with an ETag every few seconds: staff see their change in the portal almost at
 * once, and most page views cost no call to Strapi at all.
 */
export const loadBranding = async (now = Date.now()): Promise<{ branding: PublicBranding; live: boolean }> => {
  if (cache && now - cache.checked < FRESH_MS) return { branding: cache.value, live: true };
  try {
    const answer = await strapiClient().revalidateBranding(cache?.etag ?? null);
    if (answer) cache = { value: answer.branding, etag: answer.etag, checked: now };
    else if (cache) cache.checked = now;
    return { branding: cache?.value ?? { ...NEUTRAL_BRANDING }, live: true };
  } catch {
    return { branding: cache?.value ?? { ...NEUTRAL_BRANDING }, live: false };
  }
};

export interface BrandTheme {
  /** Backgrounds that carry white text: header, buttons. */
  primary: string;
  /** Links and highlights on white. */
  accent: string;
  /** True when a colour the firm chose had to be darkened to be readable. */
  adjusted: boolean;
}

/** The firm's colours, each made readable where text sits on it or in it (WCAG AA). */
export const brandTheme = (branding: PublicBranding): BrandTheme => {
  const primary = adjustForContrast(branding.primaryColor, '#ffffff');
  const accent = adjustForContrast(branding.accentColor, '#ffffff');
  return {
    primary,
    accent,
    adjusted: primary.toLowerCase() !== branding.primaryColor.toLowerCase() || accent.toLowerCase() !== branding.accentColor.toLowerCase(),
  };
};

export type BrandAsset = 'logo' | 'favicon';

/**
 * Where the browser loads the logo or favicon from. Files on the firm's Strapi are passed through
 * the portal (/brand/...), so clients never need to reach Strapi; files on a CDN load directly.
 */
export const brandAssetSrc = (branding: PublicBranding, asset: BrandAsset): string | null => {
  const url = asset === 'logo' ? branding.logoUrl : branding.faviconUrl;
  if (!url) return null;
  if (url.startsWith('/')) return `/brand/${asset}`;
  return url.startsWith('https://') ? url : null;
};

/** The Strapi address of a brand file the portal passes through, or null. */
export const brandAssetUpstream = (branding: PublicBranding, asset: BrandAsset): URL | null => {
  const url = asset === 'logo' ? branding.logoUrl : branding.faviconUrl;
  if (!url || !url.startsWith('/') || url.startsWith('//')) return null;
  return new URL(url, config().strapiUrl);
};
