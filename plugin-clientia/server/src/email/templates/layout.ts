import { adjustForContrast, parseHex } from '../../../../shared/colors';
import { NEUTRAL_BRANDING } from '../../../../shared/contracts/branding';
import type { Translator } from '../../i18n';
import { emailFormats, type EmailFormats } from './format';
import { emailTexts, type EmailText } from './texts';

/** The firm as its emails show it. Never the product's name: the firm is the sender. */
export interface EmailBrand {
  firmName: string;
  /** #rrggbb from the branding. */
  primaryColor: string;
  /** An absolute http(s) address, or null for a text header. */
  logoUrl: string | null;
  supportEmail: string | null;
  footerText: string | null;
  legalText: string | null;
  /** The portal's public address, without a trailing slash. */
  portalUrl: string;
}

export interface EmailRecipient {
  email: string;
  name?: string | null;
  /** BCP 47; the texts are in its language when there is a catalogue for it, else in English. */
  locale: string;
  /** IANA zone for times (an invitation's expiry); UTC when missing or unknown. */
  timeZone?: string | null;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** What one email says; the layout adds greeting, brand, button and footer. */
interface EmailContent {
  subject: string;
  /** The line mail clients show after the subject in the inbox. */
  preview: string;
  heading: string;
  paragraphs: string[];
  facts?: { label: string; value: string }[];
  action?: { label: string; url: string };
  /** Paragraphs after the button. */
  closing?: string[];
}

const WHITE = '#ffffff';
const TEXT = '#1f2933';
const MUTED = '#4b5563';
const PAGE = '#f3f4f6';
const FONT = 'Arial, Helvetica, sans-serif';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** A value shown inline (a name, a title): one line, so nobody can lay out text of their own. */
export const oneLine = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

/** Only web addresses become links; anything else in a template is a programming error. */
export const webAddress = (url: string) => {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) throw new Error('an email link must be an absolute http(s) address');
  return url;
};

export const portalLink = (brand: EmailBrand, path: string) => webAddress(`${brand.portalUrl.replace(/\/+$/, '')}${path}`);

export const formatsFor = (to: EmailRecipient): EmailFormats => emailFormats(to.locale, to.timeZone);

/** The email texts in the recipient's language. */
export const textsFor = (to: EmailRecipient): Translator<EmailText> => emailTexts(to.locale);

type Texts = Translator<EmailText>;

/** Multi-line text as HTML: escaped, line breaks kept. */
const htmlLines = (value: string) => escapeHtml(value).replace(/\r?\n/g, '<br>');

const paragraph = (value: string, style = `margin:0 0 16px;`) => `<p style="${style}">${htmlLines(value)}</p>`;

const factsTable = (facts: { label: string; value: string }[]) =>
  `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0 0 20px;">${facts
    .map(
      (fact) =>
        `<tr><th scope="row" style="text-align:left;font-weight:normal;color:${MUTED};padding:4px 16px 4px 0;vertical-align:top;">${escapeHtml(fact.label)}</th>` +
        `<td style="padding:4px 0;font-weight:bold;color:${TEXT};">${escapeHtml(fact.value)}</td></tr>`
    )
    .join('')}</table>`;

const header = (brand: EmailBrand, ink: string) =>
  brand.logoUrl
    ? `<img src="${escapeHtml(brand.logoUrl)}" alt="${escapeHtml(brand.firmName)}" height="48" style="display:block;height:48px;max-width:240px;border:0;">`
    : `<span style="font-size:20px;font-weight:bold;color:${ink};">${escapeHtml(brand.firmName)}</span>`;

const footerParts = (brand: EmailBrand, t: Texts) =>
  [
    brand.supportEmail ? t('layout.questions', { address: brand.supportEmail }) : t('layout.questionsByReply'),
    brand.footerText?.trim() || null,
    brand.legalText?.trim() || null,
  ].filter((part): part is string => Boolean(part));

/**
 * Plain, accessible HTML for mail clients: tables for layout, inline styles only, no scripts, no
 * web fonts, nothing fetched except the firm's own logo. Every variable is escaped here, so a
 * template never writes markup of its own.
 */
const html = (brand: EmailBrand, t: Texts, greeting: string, content: EmailContent) => {
  // The brand colour as text and as a button behind white text must be readable on white.
  const bar = parseHex(brand.primaryColor) ? brand.primaryColor : NEUTRAL_BRANDING.primaryColor;
  const ink = adjustForContrast(bar, WHITE);
  const action = content.action
    ? `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 20px;"><tr><td style="background:${ink};border-radius:4px;">` +
      `<a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:12px 22px;color:${WHITE};font-weight:bold;text-decoration:none;font-family:${FONT};">${escapeHtml(content.action.label)}</a>` +
      `</td></tr></table>` +
      paragraph(t('layout.buttonFallback'), `margin:0 0 4px;font-size:13px;color:${MUTED};`) +
      `<p style="margin:0 0 16px;font-size:13px;word-break:break-all;"><a href="${escapeHtml(content.action.url)}" style="color:${ink};">${escapeHtml(content.action.url)}</a></p>`
    : '';
  const footer = footerParts(brand, t)
    .map((part) => paragraph(part, `margin:0 0 8px;font-size:13px;line-height:1.5;color:${MUTED};`))
    .join('');
  return [
    '<!DOCTYPE html>',
    `<html lang="${t.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(content.subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:${PAGE};">`,
    `<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(content.preview)}</div>`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:${PAGE};"><tr><td align="center" style="padding:24px 12px;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:${WHITE};border-collapse:collapse;font-family:${FONT};font-size:16px;line-height:1.5;color:${TEXT};">`,
    `<tr><td style="background:${bar};height:6px;line-height:6px;font-size:0;">&nbsp;</td></tr>`,
    `<tr><td style="padding:20px 28px 8px;">${header(brand, ink)}</td></tr>`,
    `<tr><td style="padding:8px 28px 12px;">`,
    `<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:${TEXT};">${escapeHtml(content.heading)}</h1>`,
    paragraph(greeting),
    ...content.paragraphs.map((p) => paragraph(p)),
    content.facts?.length ? factsTable(content.facts) : '',
    action,
    ...(content.closing ?? []).map((p) => paragraph(p)),
    `</td></tr>`,
    `<tr><td style="padding:16px 28px 24px;border-top:1px solid #e5e7eb;">${footer}</td></tr>`,
    `</table></td></tr></table></body></html>`,
  ].join('\n');
};

/** The same message as plain text, for clients that show no HTML and for screen readers that prefer it. */
const text = (brand: EmailBrand, t: Texts, greeting: string, content: EmailContent) => {
  const width = Math.max(0, ...(content.facts ?? []).map((fact) => fact.label.length));
  const blocks = [
    brand.firmName,
    content.heading,
    greeting,
    ...content.paragraphs,
    content.facts?.length ? content.facts.map((fact) => `${`${fact.label}:`.padEnd(width + 2)}${fact.value}`).join('\n') : null,
    content.action ? `${content.action.label}:\n${content.action.url}` : null,
    ...(content.closing ?? []),
    ['-- ', ...footerParts(brand, t)].join('\n'),
  ];
  return `${blocks.filter((block): block is string => block !== null && block !== '').join('\n\n')}\n`;
};

export const renderLayout = (brand: EmailBrand, to: EmailRecipient, content: EmailContent): RenderedEmail => {
  const t = textsFor(to);
  const name = oneLine(to.name);
  const greeting = name ? t('layout.greeting', { name }) : t('layout.greetingWithoutName');
  return {
    subject: oneLine(content.subject),
    text: text(brand, t, greeting, content),
    html: html(brand, t, greeting, content),
  };
};
