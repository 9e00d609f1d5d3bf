import type { Core } from '@strapi/strapi';

import type { GetPublicBrandingResponse } from '../../../shared/contracts/branding';
import { getService } from '../utils';
import { assertQueryKeys } from './validation';

const branding = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: { query: Record<string, unknown>; body: unknown; set(field: string, value: string): void }) {
    assertQueryKeys(ctx.query, []);
    const body: GetPublicBrandingResponse = { data: await getService(strapi, 'branding').getPublic() };
    // Public and identical for every visitor; a short shared cache spares Strapi on every page view.
    ctx.set('Cache-Control', 'public, max-age=60');
    ctx.body = body;
  },
});

export default branding;
