import type { Core } from '@strapi/strapi';

import type { PublicBranding } from '../../../shared/contracts/branding';
import { loadPublicBranding } from '../portal/branding';

const branding = ({ strapi }: { strapi: Core.Strapi }) => ({
  getPublic: (): Promise<PublicBranding> => loadPublicBranding(strapi),
});

export default branding;
