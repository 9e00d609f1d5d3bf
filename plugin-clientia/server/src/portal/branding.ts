import type { Core } from '@strapi/strapi';

import type { PublicBranding } from '../../../shared/contracts/branding';
import { UID } from '../constants';
import type { Row } from '../repositories/rows';
import { serializePublicBranding } from '../serializers/branding';

/** The firm's public branding, as the portal shows it before anyone signs in. */
export const loadPublicBranding = async (strapi: Core.Strapi): Promise<PublicBranding> => {
  const record = await strapi.documents(UID.branding).findFirst({ populate: ['logo', 'favicon'] });
  return serializePublicBranding((record as Row | null) ?? null);
};
