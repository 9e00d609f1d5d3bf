import type { Core } from '@strapi/strapi';

import { NEUTRAL_BRANDING, type PublicBranding } from '../../../shared/contracts/branding';

const BRANDING_UID = 'plugin::clientia.branding';

interface MediaRef {
  url?: string | null;
}

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
