import type { Core } from '@strapi/strapi';

import { NEUTRAL_BRANDING } from '../../../shared/contracts/branding';
import { firmSender } from './sender';
import { UID } from '../constants';
import { pluginConfig } from '../config/plugin-config';
import { relation, text, textOrNull, type Row } from '../repositories/rows';
import { records } from '../repositories/records';
import type { EmailBrand } from './templates';

/** Who an email is from and where answers go, as the outbox row records them. */
export interface EmailSender {
  /** `Name <address>`: the branding's sender, else the plugin's `emailFrom`; undefined leaves it to the email plugin's default sender. */
  from: string | undefined;
  replyTo: string | undefined;
  /** The firm's own address for notices to staff: support, else the sender. */
  inbox: string | null;
}

export interface FirmEmailSettings {
  brand: EmailBrand;
  sender: EmailSender;
  /** The firm's language for anyone who has not chosen one. */
  defaultLocale: string;
}

// Mail clients show these; most refuse SVG, and the portal passes on nothing else.
const RASTER = /^image\/(png|jpeg|gif|webp)$/i;

/**
 * The logo as an address a mail client can load: the file's own address when it is already
 * public and absolute (a CDN), else the portal's copy, which the client's browser already trusts.
 */
const logoAddress = (logo: Row | null, portalUrl: string) => {
  if (!logo || !RASTER.test(text(logo.mime))) return null;
  const url = text(logo.url);
  if (/^https:\/\/\S+$/i.test(url)) return url;
  return url ? `${portalUrl}/brand/logo` : null;
};

const blankToNull = (value: unknown) => textOrNull(value)?.trim() || null;

/** The branding as every email uses it; read once per email batch, not per recipient. */
export const loadFirmEmailSettings = async (strapi: Core.Strapi): Promise<FirmEmailSettings> => {
  const row = await records(strapi, UID.branding).findOne({
    select: ['firmName', 'primaryColor', 'supportEmail', 'footerText', 'legalText', 'defaultLocale', 'emailSenderName', 'emailSenderAddress'],
    populate: { logo: { select: ['url', 'mime'] } },
  });
  const portalUrl = pluginConfig(strapi, 'portalUrl').replace(/\/+$/, '');
  const sender = firmSender(row, pluginConfig(strapi, 'emailFrom'));
  const support = blankToNull(row?.supportEmail);
  return {
    brand: {
      firmName: text(row?.firmName).trim() || NEUTRAL_BRANDING.firmName,
      primaryColor: text(row?.primaryColor) || NEUTRAL_BRANDING.primaryColor,
      logoUrl: logoAddress(row ? relation(row, 'logo') : null, portalUrl),
      supportEmail: support,
      footerText: blankToNull(row?.footerText),
      legalText: blankToNull(row?.legalText),
      portalUrl,
    },
    sender: {
      from: sender.email ? (sender.name ? `${sender.name} <${sender.email}>` : sender.email) : undefined,
      replyTo: support ?? undefined,
      inbox: support ?? (sender.email || null),
    },
    defaultLocale: blankToNull(row?.defaultLocale) ?? pluginConfig(strapi, 'defaultLocale'),
  };
};
