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
