import type { Core } from '@strapi/strapi';

import type { PublicBranding } from '../../../shared/contracts/branding';

const BRANDING_UID = 'plugin::clientia.branding';

interface MediaRef {
  url?: string | null;
}

/** What a portal shows before the firm has filled in its branding: neutral, never our own name. */
export const NEUTRAL_BRANDING: PublicBranding = {
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

const branding = ({ strapi }: { strapi: Core.Strapi }) => ({
  async getPublic(): Promise<PublicBranding> {
    const record = await strapi
      .documents(BRANDING_UID)
      .findFirst({ populate: ['logo', 'favicon'] });
    if (!record) return { ...NEUTRAL_BRANDING };
    const mediaUrl = (media: unknown) => ((media as MediaRef | null)?.url ?? null) || null;
    // An explicit allowlist: sender addresses and anything added later stay out unless listed here.
    return {
      firmName: record.firmName || NEUTRAL_BRANDING.firmName,
      logoUrl: mediaUrl(record.logo),
      faviconUrl: mediaUrl(record.favicon),
      primaryColor: record.primaryColor || NEUTRAL_BRANDING.primaryColor,
      accentColor: record.accentColor || NEUTRAL_BRANDING.accentColor,
      portalUrl: record.portalUrl || null,
      supportEmail: record.supportEmail || null,
      footerText: record.footerText || null,
      legalText: record.legalText || null,
      defaultLocale: record.defaultLocale || NEUTRAL_BRANDING.defaultLocale,
    };
  },
});

export default branding;
