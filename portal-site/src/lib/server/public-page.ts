import type { APIContext } from 'astro';

import type { PublicBranding } from '@clientia/shared/contracts/branding';
import { formatter, type Formatter } from '../format';
import { chooseLocale, translator, type Translator } from '../i18n';
import { brandTheme, loadBranding, type BrandTheme } from './branding';

/** What both pages (Astro) and endpoints (APIContext) offer that the portal needs. */
export type RequestContext = Pick<APIContext, 'cookies' | 'locals' | 'request' | 'url' | 'redirect' | 'rewrite'>;

export interface PublicPage {
  branding: PublicBranding;
  theme: BrandTheme;
  /** False when Strapi could not be reached: the page says the portal is briefly unavailable. */
  live: boolean;
  t: Translator;
  fmt: Formatter;
}

/** Branding, language and formats for pages anyone may see (sign-in, password reset, errors). */
export const publicPage = async (context: Pick<RequestContext, 'request'>, preference?: string | null): Promise<PublicPage> => {
  const { branding, live } = await loadBranding();
  const locale = chooseLocale(preference, context.request.headers.get('accept-language'), branding.defaultLocale);
  return { branding, live, theme: brandTheme(branding), t: translator(locale), fmt: formatter(locale) };
};
