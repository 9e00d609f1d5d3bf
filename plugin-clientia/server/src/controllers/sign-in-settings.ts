import type { Core } from '@strapi/strapi';

import { updateSignInSettingsRequest, type GetSignInSettingsResponse } from '../../../shared/contracts/admin-sign-in';
import { noQuery } from '../../../shared/contracts/fields';
import { saveSignInSettings, signInSettings } from '../sign-in/settings';
import type { AdminContext } from './context';
import { parseBody, parseQuery } from '../validation/parse';

const signInSettingsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const body: GetSignInSettingsResponse = { data: await signInSettings(strapi) };
    ctx.body = body;
  },

  async update(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const changes = parseBody(updateSignInSettingsRequest, ctx.request.body);
    const body: GetSignInSettingsResponse = { data: await saveSignInSettings(strapi, changes) };
    ctx.body = body;
  },
});

export default signInSettingsController;
