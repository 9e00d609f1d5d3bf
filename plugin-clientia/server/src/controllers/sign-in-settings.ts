import type { Core } from '@strapi/strapi';

import type { GetSignInSettingsResponse, UpdateSignInSettingsRequest } from '../../../shared/contracts/admin-sign-in';
import { saveSignInSettings, signInSettings } from '../sign-in/settings';
import type { AdminContext } from './context';
import { assertBodyKeys, assertQueryKeys, readOptionalBoolean } from './validation';

const FIELDS = ['magicLinks', 'requireTwoFactor'] as const;

export const readSignInSettingsChanges = (raw: unknown): UpdateSignInSettingsRequest => {
  const body = assertBodyKeys(raw, FIELDS);
  const changes: UpdateSignInSettingsRequest = {};
  for (const field of FIELDS) {
    const value = readOptionalBoolean(body, field);
    if (value !== undefined) changes[field] = value;
  }
  return changes;
};

const signInSettingsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: AdminContext) {
    assertQueryKeys(ctx.query, []);
    const body: GetSignInSettingsResponse = { data: await signInSettings(strapi) };
    ctx.body = body;
  },

  async update(ctx: AdminContext) {
    assertQueryKeys(ctx.query, []);
    const changes = readSignInSettingsChanges(ctx.request.body);
    const body: GetSignInSettingsResponse = { data: await saveSignInSettings(strapi, changes) };
    ctx.body = body;
  },
});

export default signInSettingsController;
