import type { Core } from '@strapi/strapi';

import { firmSender } from '../accounts/account-emails';
import { UID } from '../rules/helpers';
import { pluginConfig } from '../rules/settings';
import { text, textOrNull, type Row } from '../serializers/values';
import { records } from '../services/records';

type Locale = 'en' | 'de';

export interface SigningMail {
  to: string;
  locale: Locale;
  subject: string;
  text: string;
  attachment?: { filename: string; content: Buffer };
}

interface Firm {
  name: string;
  from: string | undefined;
  replyTo: string | undefined;
  /** Where the firm's own copies go. */
  inbox: string | null;
}

interface ContractRef {
  documentId: string;
  number: string | null;
  title: string;
}

const label = (contract: ContractRef) => [contract.number, contract.title].filter(Boolean).join(' ');

export const localeOf = (value: string | null | undefined): Locale => ((value ?? '').toLowerCase().startsWith('de') ? 'de' : 'en');

const portalLink = (strapi: Core.Strapi, path: string) => `${pluginConfig(strapi, 'portalUrl').replace(/\/+$/, '')}${path}`;

export const loadFirm = async (strapi: Core.Strapi): Promise<Firm> => {
  const branding: Row | null = await records(strapi, UID.branding).findOne({
    select: ['firmName', 'emailSenderName', 'emailSenderAddress', 'supportEmail'],
  });
  const sender = firmSender(branding);
  const support = textOrNull(branding?.supportEmail)?.trim() || null;
  return {
    name: text(branding?.firmName).trim() || 'Your firm',
    from: sender.email ? (sender.name ? `${sender.name} <${sender.email}>` : sender.email) : undefined,
    replyTo: support ?? undefined,
    inbox: support ?? (sender.email || null),
  };
};

const greeting = (locale: Locale, name: string | null) =>
  locale === 'de' ? (name ? `Guten Tag ${name},` : 'Guten Tag,') : name ? `Hello ${name},` : 'Hello,';

export const signingRequestMail = (strapi: Core.Strapi, firm: Firm, contract: ContractRef, to: { email: string; name: string | null; locale: Locale }): SigningMail => {
  const link = portalLink(strapi, `/contracts/${encodeURIComponent(contract.documentId)}/sign`);
  const body =
    to.locale === 'de'
      ? [
          greeting('de', to.name),
          `${firm.name} bittet Sie, „${label(contract)}“ zu unterschreiben.`,
          `Sie können das Dokument in Ihrem Kundenportal lesen und dort unterschreiben oder ablehnen:\n${link}`,
          'Falls Sie diese Nachricht nicht erwartet haben, antworten Sie bitte auf diese E-Mail.',
        ]
      : [
          greeting('en', to.name),
          `${firm.name} asks you to sign "${label(contract)}".`,
          `You can read the document in your client portal and sign or decline it there:\n${link}`,
          'If you did not expect this message, please reply to this email.',
        ];
  return {
    to: to.email,
    locale: to.locale,
    subject: to.locale === 'de' ? `Bitte unterschreiben: ${label(contract)}` : `Please sign: ${label(contract)}`,
    text: body.join('\n\n'),
  };
};

export const completedMail = (
  strapi: Core.Strapi,
  firm: Firm,
  contract: ContractRef,
  to: { email: string; name: string | null; locale: Locale },
  file: { content: Buffer; verificationCode: string }
): SigningMail => {
  const link = portalLink(strapi, `/contracts/${encodeURIComponent(contract.documentId)}/verification`);
  const body =
    to.locale === 'de'
      ? [
          greeting('de', to.name),
          `„${label(contract)}“ ist von allen Beteiligten unterschrieben. Das unterschriebene Dokument mit dem Signaturzertifikat liegt dieser E-Mail bei.`,
          `Prüfcode: ${file.verificationCode}\nDie Unterschriften prüfen: ${link}`,
        ]
      : [
          greeting('en', to.name),
          `"${label(contract)}" has been signed by everyone. The signed document with its signing certificate is attached.`,
          `Verification code: ${file.verificationCode}\nCheck the signatures: ${link}`,
        ];
  const base = (contract.number ?? 'contract').replace(/[^A-Za-z0-9._-]+/g, '-');
  return {
    to: to.email,
    locale: to.locale,
    subject: to.locale === 'de' ? `Unterschrieben: ${label(contract)}` : `Signed: ${label(contract)}`,
    text: body.join('\n\n'),
    attachment: { filename: `${base}-signed.pdf`, content: file.content },
  };
};

export const declinedMail = (firm: Firm, contract: ContractRef, by: { name: string | null; email: string | null }, reason: string): SigningMail | null => {
  if (!firm.inbox) return null;
  return {
    to: firm.inbox,
    locale: 'en',
    subject: `Declined: ${label(contract)}`,
    text: [
      `${by.name ?? by.email ?? 'A signatory'}${by.email && by.name ? ` <${by.email}>` : ''} declined to sign "${label(contract)}".`,
      `Reason given:\n${reason}`,
      'The contract is now declined. To ask again, create an amendment or a new version and send it.',
    ].join('\n\n'),
  };
};

/** Sends one message from the firm; resolves once the mail server accepted it. */
export const deliver = async (strapi: Core.Strapi, firm: Firm, mail: SigningMail) => {
  await strapi.plugin('email').service('email').send({
    to: mail.to,
    ...(firm.from ? { from: firm.from } : {}),
    ...(firm.replyTo ? { replyTo: firm.replyTo } : {}),
    subject: mail.subject,
    text: mail.text,
    ...(mail.attachment ? { attachments: [{ filename: mail.attachment.filename, content: mail.attachment.content, contentType: 'application/pdf' }] } : {}),
  });
};
