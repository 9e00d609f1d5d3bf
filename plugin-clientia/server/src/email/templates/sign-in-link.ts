import { formatsFor, oneLine, renderLayout, webAddress, type EmailBrand, type EmailRecipient, type RenderedEmail } from './layout';

export interface SignInLinkVars {
  /** `<portal>/sign-in/link?token=…`: works once, for 15 minutes. */
  signInUrl: string;
}

export const signInLinkEmail = (brand: EmailBrand, to: EmailRecipient, vars: SignInLinkVars): RenderedEmail => {
  const url = webAddress(vars.signInUrl);
  const firm = oneLine(brand.firmName);
  return renderLayout(
    brand,
    to,
    formatsFor(to).language === 'de'
      ? {
          subject: `Ihr Anmeldelink für das Kundenportal von ${firm}`,
          preview: 'Melden Sie sich mit einem Klick an. Der Link gilt 15 Minuten.',
          heading: 'Im Kundenportal anmelden',
          paragraphs: ['Sie haben einen Link angefordert, mit dem Sie sich ohne Passwort im Kundenportal anmelden können.'],
          action: { label: 'Jetzt anmelden', url },
          closing: [
            'Der Link ist einmal verwendbar und gilt 15 Minuten. Geben Sie ihn nicht weiter: Wer ihn öffnet, wird als Sie angemeldet.',
            'Wenn Sie keinen Anmeldelink angefordert haben, können Sie diese E-Mail ignorieren. Ohne den Link meldet sich niemand an.',
          ],
        }
      : {
          subject: `Your sign-in link for the ${firm} client portal`,
          preview: 'Sign in with one click. The link works for 15 minutes.',
          heading: 'Sign in to your client portal',
          paragraphs: ['You asked for a link to sign in to your client portal without a password.'],
          action: { label: 'Sign in now', url },
          closing: [
            'The link works once and for 15 minutes. Do not pass it on: whoever opens it is signed in as you.',
            'If you did not ask for a sign-in link, you can ignore this email. Nobody signs in without the link.',
          ],
        }
  );
};
