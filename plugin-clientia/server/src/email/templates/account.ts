import { formatsFor, oneLine, renderLayout, textsFor, webAddress, type EmailBrand, type EmailRecipient, type RenderedEmail } from './layout';

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
  const t = textsFor(to);
  const firm = oneLine(brand.firmName);
  const client = oneLine(vars.clientName);
  const person = oneLine(vars.invitedBy);
  return renderLayout(brand, to, {
    subject: t('invitation.subject', { firm }),
    preview: t('invitation.preview', { client }),
    heading: t('invitation.heading'),
    paragraphs: [person ? t('invitation.introByPerson', { person, firm, client }) : t('invitation.intro', { firm, client }), t('invitation.instructions')],
    action: { label: t('invitation.action'), url: webAddress(vars.inviteUrl) },
    closing: [t('invitation.closing', { expires: formatsFor(to).dateTime(vars.expiresAt) })],
  });
};

export interface PasswordResetVars {
  /** The portal's reset page with the one-time code. */
  resetUrl: string;
}

export const passwordResetEmail = (brand: EmailBrand, to: EmailRecipient, vars: PasswordResetVars): RenderedEmail => {
  const t = textsFor(to);
  return renderLayout(brand, to, {
    subject: t('passwordReset.subject'),
    preview: t('passwordReset.preview'),
    heading: t('passwordReset.heading'),
    paragraphs: [t('passwordReset.intro')],
    action: { label: t('passwordReset.action'), url: webAddress(vars.resetUrl) },
    closing: [t('passwordReset.closing')],
  });
};
