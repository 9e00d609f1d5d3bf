import type { Core } from '@strapi/strapi';

import { NEUTRAL_BRANDING } from '../../../../shared/contracts/branding';
import { UID } from '../../rules/helpers';
import { records } from '../../services/records';
import { text } from '../../serializers/values';

export interface FirmDefaults {
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
