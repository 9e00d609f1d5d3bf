import type { Core } from '@strapi/strapi';

import { NEUTRAL_BRANDING } from '../../../../shared/contracts/branding';
import { UID } from '../../constants';
import { records } from '../../repositories/records';
import { text } from '../../repositories/rows';

interface FirmDefaults {
  firmName: string;
  defaultLocale: string;
}

/** The firm as its clients know it (never the product's own name), and its default language. */
export const firmDefaults = async (strapi: Core.Strapi): Promise<FirmDefaults> => {
  const row = await records(strapi, UID.branding).findOne({ select: ['id', 'firmName', 'defaultLocale'] });
  return {
    firmName: text(row?.firmName) || NEUTRAL_BRANDING.firmName,
    defaultLocale: text(row?.defaultLocale) || NEUTRAL_BRANDING.defaultLocale,
  };
};
