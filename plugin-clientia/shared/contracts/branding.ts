/**
 * GET /api/clientia/branding — public, no authentication.
 * Only what a signed-out visitor of the portal may see.
 */
export interface PublicBranding {
  firmName: string;
  logoUrl: string | null;
  faviconUrl: string | null;
  primaryColor: string;
  accentColor: string;
  portalUrl: string | null;
  supportEmail: string | null;
  footerText: string | null;
  legalText: string | null;
  defaultLocale: string;
}

export interface GetPublicBrandingResponse {
  data: PublicBranding;
}

/**
 * What a portal shows until the firm has set its brand, or while Strapi cannot be reached:
 * neutral, and never the product's own name.
 */
export const NEUTRAL_BRANDING: Readonly<PublicBranding> = Object.freeze({
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
});
