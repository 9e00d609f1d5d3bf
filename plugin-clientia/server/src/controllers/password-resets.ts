import type { Core } from '@strapi/strapi';

import { passwordResetRequest } from '../../../shared/contracts/sign-in';
import { requestPasswordReset } from '../accounts/password-reset';
import type { PublicRequest } from './invitations';
import { noQuery } from '../../../shared/contracts/fields';
import { parseBody, parseQuery } from '../validation/parse';

/** Public: whoever asks gets the same answer; only the account's owner gets the email. */
const passwordResets = ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: PublicRequest) {
    parseQuery(noQuery, ctx.query);
    const { email } = parseBody(passwordResetRequest, ctx.request.body);
    await requestPasswordReset(strapi, email);
    ctx.body = { data: { ok: true } };
  },
});

export default passwordResets;
