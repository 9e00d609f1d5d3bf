import type { Core } from '@strapi/strapi';

import { passwordResetRequest } from '../../../shared/contracts/sign-in';
import { requestPasswordReset } from '../accounts/password-reset';
import type { PublicRequest } from './invitations';
import { noQuery } from '../../../shared/contracts/fields';
import { parseBody, parseQuery } from '../validation/parse';
import { ACCOUNT_QUIET_FLOOR_MS, answerNoSoonerThan } from '../http/answer-floor';

/** The least time a reset request takes to answer: the time does not tell whether the address has an account. */
export const RESET_REQUEST_FLOOR_MS = ACCOUNT_QUIET_FLOOR_MS;

/** Public: whoever asks gets the same answer, after the same time; only the account's owner gets the email. */
const passwordResets = ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: PublicRequest) {
    const started = performance.now();
    parseQuery(noQuery, ctx.query);
    const { email } = parseBody(passwordResetRequest, ctx.request.body);
    try {
      await requestPasswordReset(strapi, email);
    } catch (error) {
      // An error for a known address must not answer differently from an unknown one.
      strapi.log.error(`[clientia] a password reset email could not be queued: ${(error as Error).message}`);
    }
    await answerNoSoonerThan(started, RESET_REQUEST_FLOOR_MS);
    ctx.body = { data: { ok: true } };
  },
});

export default passwordResets;
