import type { BrandingSettings } from '../../../shared/contracts/admin';
import { NEUTRAL_BRANDING, type PublicBranding } from '../../../shared/contracts/branding';
import { relation, text, textOrNull, type Row } from '../repositories/rows';

const mediaUrl = (media: Row | null) => textOrNull(media?.url) || null;

const mediaRef = (media: Row | null) => (media?.id ? { id: Number(media.id), url: text(media.url) } : null);

/**
 * What a signed-out visitor of the portal may see. An explicit allowlist: sender addresses and
 * anything added to the schema later stay out unless listed here.
 */
export const serializePublicBranding = (record: Row | null): PublicBranding => {
  if (!record) return { ...NEUTRAL_BRANDING };
  return {
    firmName: text(record.firmName) || NEUTRAL_BRANDING.firmName,
    logoUrl: mediaUrl(relation(record, 'logo')),
    faviconUrl: mediaUrl(relation(record, 'favicon')),
    primaryColor: text(record.primaryColor) || NEUTRAL_BRANDING.primaryColor,
    accentColor: text(record.accentColor) || NEUTRAL_BRANDING.accentColor,
    portalUrl: textOrNull(record.portalUrl) || null,
    supportEmail: textOrNull(record.supportEmail) || null,
    footerText: textOrNull(record.footerText) || null,
    legalText: textOrNull(record.legalText) || null,
    defaultLocale: text(record.defaultLocale) || NEUTRAL_BRANDING.defaultLocale,
  };
};

/** The brand as staff edit it: the public fields, the email sender and the media ids. */
export const serializeBrandingSettings = (record: Row | null): BrandingSettings => ({
  ...serializePublicBranding(record),
  emailSenderName: textOrNull(record?.emailSenderName) || null,
  emailSenderAddress: textOrNull(record?.emailSenderAddress) || null,
  firmAddress: textOrNull(record?.firmAddress) || null,
  taxId: textOrNull(record?.taxId) || null,
  paymentInstructions: textOrNull(record?.paymentInstructions) || null,
  logo: record ? mediaRef(relation(record, 'logo')) : null,
  favicon: record ? mediaRef(relation(record, 'favicon')) : null,
});
