import { formatsFor, oneLine, renderLayout, webAddress, type EmailBrand, type EmailRecipient, type RenderedEmail } from './layout';

export interface InvitationVars {
  clientName: string;
  /** The one-time link with its token, as the invitation service made it. */
  inviteUrl: string;
  /** When the link stops working. */
  expiresAt: Date | string;
  /** The staff member who invited them, when known. */
  invitedBy?: string | null;
}

export const invitationEmail = (brand: EmailBrand, to: EmailRecipient, vars: InvitationVars): RenderedEmail => {
  const f = formatsFor(to);
  const firm = oneLine(brand.firmName);
  const client = oneLine(vars.clientName);
  const by = oneLine(vars.invitedBy);
  const url = webAddress(vars.inviteUrl);
  const expires = f.dateTime(vars.expiresAt);
  return renderLayout(
    brand,
    to,
    f.language === 'de'
      ? {
          subject: `Einladung in das Kundenportal von ${firm}`,
          preview: `Richten Sie Ihren Zugang für ${client} ein.`,
          heading: 'Ihr Zugang zum Kundenportal',
          paragraphs: [
            `${by ? `${by} von ${firm}` : firm} lädt Sie in das Kundenportal für ${client} ein. Dort finden Sie Verträge, Rechnungen, Dokumente und Nachrichten an einem Ort.`,
            'Wählen Sie über den folgenden Link Ihr Passwort, um den Zugang einzurichten.',
          ],
          action: { label: 'Zugang einrichten', url },
          closing: [`Der Link ist einmal verwendbar und gilt bis ${expires}. Falls Sie diese Einladung nicht erwartet haben, können Sie die E-Mail ignorieren.`],
        }
      : {
          subject: `Your invitation to the ${firm} client portal`,
          preview: `Set up your access for ${client}.`,
          heading: 'Your client portal access',
          paragraphs: [
            `${by ? `${by} at ${firm}` : firm} has invited you to the client portal for ${client}, where you find contracts, invoices, documents and messages in one place.`,
            'Choose your password through the link below to set up your access.',
          ],
          action: { label: 'Set up access', url },
          closing: [`The link works once and until ${expires}. If you did not expect this invitation, you can ignore this email.`],
        }
  );
};

export interface PasswordResetVars {
  /** The portal's reset page with the one-time code. */
  resetUrl: string;
}

export const passwordResetEmail = (brand: EmailBrand, to: EmailRecipient, vars: PasswordResetVars): RenderedEmail => {
  const url = webAddress(vars.resetUrl);
  return renderLayout(
    brand,
    to,
    formatsFor(to).language === 'de'
      ? {
          subject: 'Ihr Passwort zurücksetzen',
          preview: 'Wählen Sie ein neues Passwort für Ihr Kundenportal.',
          heading: 'Neues Passwort wählen',
          paragraphs: ['Wir haben eine Anfrage erhalten, das Passwort Ihres Kundenportal-Zugangs zurückzusetzen.'],
          action: { label: 'Neues Passwort wählen', url },
          closing: ['Der Link ist einmal verwendbar. Wenn Sie kein neues Passwort angefordert haben, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.'],
        }
      : {
          subject: 'Reset your password',
          preview: 'Choose a new password for your client portal.',
          heading: 'Choose a new password',
          paragraphs: ['We received a request to reset the password of your client portal account.'],
          action: { label: 'Choose a new password', url },
          closing: ['The link works once. If you did not ask for a new password, you can ignore this email: your password stays as it is.'],
        }
  );
};
