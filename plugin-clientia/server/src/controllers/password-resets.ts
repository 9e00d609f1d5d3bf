import type { Core } from '@strapi/strapi';

import { readResetRequest, requestPasswordReset } from '../accounts/password-reset';
import type { PublicRequest } from './invitations';
import { assertQueryKeys } from './validation';

/** Public: whoever asks gets the same answer; only the account's owner gets the email. */
const passwordResets = ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: PublicRequest) {
    assertQueryKeys(ctx.query, []);
    await requestPasswordReset(strapi, readResetRequest(ctx.request.body));
    ctx.body = { data: { ok: true } };
  },
});

export default passwordResets;
