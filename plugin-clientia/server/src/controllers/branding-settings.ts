import type { Core } from '@strapi/strapi';

import { updateBrandingSettingsRequest, type GetBrandingSettingsResponse } from '../../../shared/contracts/admin';
import { noQuery } from '../../../shared/contracts/fields';
import { getBrandingSettings, updateBrandingSettings } from '../workspace/branding-settings';
import type { AdminContext } from './context';
import { parseBody, parseQuery } from '../validation/parse';

const brandingSettings = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const body: GetBrandingSettingsResponse = { data: await getBrandingSettings(strapi) };
    ctx.body = body;
  },

  async update(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const changes = parseBody(updateBrandingSettingsRequest, ctx.request.body);
    const body: GetBrandingSettingsResponse = { data: await updateBrandingSettings(strapi, changes) };
    ctx.body = body;
  },
});

export default brandingSettings;
