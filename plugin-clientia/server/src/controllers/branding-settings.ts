import type { Core } from '@strapi/strapi';

import type { GetBrandingSettingsResponse, UpdateBrandingSettingsRequest } from '../../../shared/contracts/admin';
import { fieldError } from '../domain/errors';
import { getService } from '../utils';
import type { AdminContext } from './context';
import { assertBodyKeys, assertQueryKeys, isEmail, readNullableText, readText } from './validation';

const FIELDS = [
  'firmName',
  'primaryColor',
  'accentColor',
  'portalUrl',
  'supportEmail',
  'emailSenderName',
  'emailSenderAddress',
  'footerText',
  'legalText',
  'firmAddress',
  'taxId',
  'paymentInstructions',
  'defaultLocale',
  'logo',
  'favicon',
] as const;

const readColour = (body: Record<string, unknown>, key: string) => {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(value)) throw fieldError(key, 'must be a colour as #rrggbb, e.g. #1f3a5f');
  return value.toLowerCase();
};

const readNullableEmail = (body: Record<string, unknown>, key: string) => {
  const value = readNullableText(body, key, 254);
  if (value && !isEmail(value)) throw fieldError(key, 'must be an email address such as help@yourfirm.com');
  return value ? value.toLowerCase() : value;
};

/** The portal's public address: absolute http(s), no credentials, query or fragment. */
const readPortalUrl = (body: Record<string, unknown>) => {
  const value = readNullableText(body, 'portalUrl', 500);
  if (!value) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw fieldError('portalUrl', 'must be an absolute URL such as https://portal.yourfirm.com');
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.search || url.hash) {
    throw fieldError('portalUrl', 'must be an http(s) address without credentials, query or fragment');
  }
  return value.replace(/\/+$/, '');
};

const readLocale = (body: Record<string, unknown>) => {
  const value = body.defaultLocale;
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !value.trim() || value.length > 35) throw fieldError('defaultLocale', 'must be a locale such as en or de-CH');
  try {
    return new Intl.Locale(value.trim()).toString();
  } catch {
    throw fieldError('defaultLocale', 'must be a locale such as en or de-CH');
  }
};

const readFileId = (body: Record<string, unknown>, key: 'logo' | 'favicon') => {
  const value = body[key];
  if (value === undefined || value === null) return value;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw fieldError(key, 'must be the id of a media library file, or null to remove it');
  }
  return value;
};

const withoutUndefined = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export const readBrandingChanges = (raw: unknown): UpdateBrandingSettingsRequest => {
  const body = assertBodyKeys(raw, FIELDS);
  return withoutUndefined({
    firmName: body.firmName === undefined ? undefined : readText(body, 'firmName', 200),
    primaryColor: readColour(body, 'primaryColor'),
    accentColor: readColour(body, 'accentColor'),
    portalUrl: readPortalUrl(body),
    supportEmail: readNullableEmail(body, 'supportEmail'),
    emailSenderName: readNullableText(body, 'emailSenderName', 200),
    emailSenderAddress: readNullableEmail(body, 'emailSenderAddress'),
    footerText: readNullableText(body, 'footerText', 2000),
    legalText: readNullableText(body, 'legalText', 5000),
    firmAddress: readNullableText(body, 'firmAddress', 1000),
    taxId: readNullableText(body, 'taxId', 64),
    paymentInstructions: readNullableText(body, 'paymentInstructions', 2000),
    defaultLocale: readLocale(body),
    logo: readFileId(body, 'logo'),
    favicon: readFileId(body, 'favicon'),
  });
};

const brandingSettings = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: AdminContext) {
    assertQueryKeys(ctx.query, []);
    const body: GetBrandingSettingsResponse = { data: await getService(strapi, 'branding-settings').get() };
    ctx.body = body;
  },

  async update(ctx: AdminContext) {
    assertQueryKeys(ctx.query, []);
    const changes = readBrandingChanges(ctx.request.body);
    const body: GetBrandingSettingsResponse = { data: await getService(strapi, 'branding-settings').update(changes) };
    ctx.body = body;
  },
});

export default brandingSettings;
