import type { Core } from '@strapi/strapi';

import type { PublicBranding } from '../../../shared/contracts/branding';
import { serializePublicBranding } from '../serializers/branding';
import type { Row } from '../serializers/values';

const BRANDING_UID = 'plugin::clientia.branding';

const branding = ({ strapi }: { strapi: Core.Strapi }) => ({
  async getPublic(): Promise<PublicBranding> {
    const record = await strapi
      .documents(BRANDING_UID)
      .findFirst({ populate: ['logo', 'favicon'] });
    return serializePublicBranding((record as Row | null) ?? null);
  },
});

export default branding;
