import { oneLine, renderLayout, textsFor, webAddress, type EmailBrand, type EmailRecipient, type RenderedEmail } from './layout';

export interface SignInLinkVars {
  /** `<portal>/sign-in/link?token=…`: works once, for 15 minutes. */
  signInUrl: string;
}

export const signInLinkEmail = (brand: EmailBrand, to: EmailRecipient, vars: SignInLinkVars): RenderedEmail => {
  const t = textsFor(to);
  const url = webAddress(vars.signInUrl);
  const firm = oneLine(brand.firmName);
  return renderLayout(brand, to, {
    subject: t('signInLink.subject', { firm }),
    preview: t('signInLink.preview'),
    heading: t('signInLink.heading'),
    paragraphs: [t('signInLink.intro')],
    action: { label: t('signInLink.action'), url },
    closing: [t('signInLink.warning'), t('signInLink.unrequested')],
  });
};
