import { AA_NORMAL_TEXT, adjustForContrast, contrastRatio, parseHex } from '../../../../shared/colors';
import {
  updateBrandingSettingsRequest,
  type BrandingSettings,
  type UpdateBrandingSettingsRequest,
} from '../../../../shared/contracts/admin';

export interface MediaChoice {
  id: number;
  url: string;
}

/** The form as the staff member types it: text fields are strings, empty means "not set". */
export interface BrandingDraft {
  firmName: string;
  logo: MediaChoice | null;
  favicon: MediaChoice | null;
  primaryColor: string;
  accentColor: string;
  portalUrl: string;
  supportEmail: string;
  emailSenderName: string;
  emailSenderAddress: string;
  footerText: string;
  legalText: string;
  firmAddress: string;
  taxId: string;
  paymentInstructions: string;
  defaultLocale: string;
}

export type BrandingTextField = Exclude<keyof BrandingDraft, 'logo' | 'favicon'>;
export type BrandingProblem = 'required' | 'tooLong' | 'colour' | 'email' | 'url' | 'locale';
export type BrandingErrors = Partial<Record<BrandingTextField, BrandingProblem>>;

export const draftFromSettings = (settings: BrandingSettings): BrandingDraft => ({
  firmName: settings.firmName,
  logo: settings.logo,
  favicon: settings.favicon,
  primaryColor: settings.primaryColor,
  accentColor: settings.accentColor,
  portalUrl: settings.portalUrl ?? '',
  supportEmail: settings.supportEmail ?? '',
  emailSenderName: settings.emailSenderName ?? '',
  emailSenderAddress: settings.emailSenderAddress ?? '',
  footerText: settings.footerText ?? '',
  legalText: settings.legalText ?? '',
  firmAddress: settings.firmAddress ?? '',
  taxId: settings.taxId ?? '',
  paymentInstructions: settings.paymentInstructions ?? '',
  defaultLocale: settings.defaultLocale,
});

export const isHexColour = (value: string) => parseHex(value) !== null;

/** What the field says when the server's rule refuses a value that is not empty: the rule each field has. */
const FORMAT_PROBLEM: Partial<Record<BrandingTextField, BrandingProblem>> = {
  primaryColor: 'colour',
  accentColor: 'colour',
  portalUrl: 'url',
  supportEmail: 'email',
  emailSenderAddress: 'email',
  defaultLocale: 'locale',
};

/**
 * The fields to correct before saving, checked with the rules the server applies to the same
 * request (`updateBrandingSettingsRequest`): a value too long, one that is required and empty, or
 * one of the wrong form for its field.
 */
export const checkBranding = (draft: BrandingDraft): BrandingErrors => {
  const result = updateBrandingSettingsRequest.safeParse(toBrandingUpdate(draft));
  const errors: BrandingErrors = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const field = issue.path[0] as BrandingTextField;
    const value: unknown = draft[field];
    // The media fields are chosen from the library, not typed; only the text fields say what to correct.
    if (typeof value !== 'string' || errors[field]) continue;
    errors[field] = issue.code === 'too_big' ? 'tooLong' : !value.trim() ? 'required' : (FORMAT_PROBLEM[field] ?? 'required');
  }
  return errors;
};

const optional = (value: string) => (value.trim() ? value.trim() : null);

export const toBrandingUpdate = (draft: BrandingDraft): UpdateBrandingSettingsRequest => ({
  firmName: draft.firmName.trim(),
  primaryColor: draft.primaryColor.trim().toLowerCase(),
  accentColor: draft.accentColor.trim().toLowerCase(),
  portalUrl: optional(draft.portalUrl),
  supportEmail: optional(draft.supportEmail),
  emailSenderName: optional(draft.emailSenderName),
  emailSenderAddress: optional(draft.emailSenderAddress),
  footerText: optional(draft.footerText),
  legalText: optional(draft.legalText),
  firmAddress: optional(draft.firmAddress),
  taxId: optional(draft.taxId),
  paymentInstructions: optional(draft.paymentInstructions),
  defaultLocale: draft.defaultLocale.trim(),
  logo: draft.logo?.id ?? null,
  favicon: draft.favicon?.id ?? null,
});

const WHITE = '#ffffff';

export interface ContrastVerdict {
  ratio: number;
  passes: boolean;
}

/** Null when a colour is not a valid #rrggbb yet (the field says so instead). */
const verdict = (foreground: string, background: string): ContrastVerdict | null => {
  const ratio = contrastRatio(foreground, background);
  return ratio === null ? null : { ratio, passes: ratio >= AA_NORMAL_TEXT };
};

/** The two pairs the portal draws: white text on primary (header, buttons), accent text on white (links). */
export const brandContrast = (primaryColor: string, accentColor: string) => ({
  whiteOnPrimary: verdict(WHITE, primaryColor),
  accentOnWhite: verdict(accentColor, WHITE),
});

/**
 * The colours the portal will actually draw: each brand colour adjusted the way the portal does it
 * (same shared function), so the warning can show staff what their clients will see.
 */
export const portalColours = (primaryColor: string, accentColor: string) => ({
  primary: adjustForContrast(primaryColor.trim().toLowerCase(), WHITE),
  accent: adjustForContrast(accentColor.trim().toLowerCase(), WHITE),
});

/** Rounded down, so a failing 4.497 never reads as a passing "4.50". */
export const formatRatio = (ratio: number, locale: string) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.floor(ratio * 100) / 100);
