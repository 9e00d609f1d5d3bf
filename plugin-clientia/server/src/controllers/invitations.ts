import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { AcceptInvitationResponse, LookupInvitationResponse } from '../../../shared/contracts/portal-invitations';
import { readAcceptance, readLookup } from '../portal/invitations/input';
import { acceptInvitation, lookupInvitation } from '../portal/invitations/redeem';
import { assertQueryKeys } from './validation';

export interface PublicRequest {
  query: Record<string, unknown>;
  request: { body?: unknown };
  body: unknown;
  /** Strapi's error helper for 410, in the same `{ error }` shape as every other error. */
  gone(message: string, details: Record<string, unknown>): void;
}

const NOT_VALID = 'This invitation link is not valid. It may have been used already; if you have not set up your account, ask the firm to invite you again.';
const EXPIRED = 'This invitation link has expired. Ask the firm to send you a new one.';

/** Either answer the portal shows instead of the form: one message for unknown and used links alike. */
const refuse = (ctx: PublicRequest, state: 'unknown' | 'expired') => {
  if (state === 'unknown') throw new errors.NotFoundError(NOT_VALID);
  ctx.gone(EXPIRED, {});
};

/** Public routes: whoever holds the link is who the invitation is for, so no JWT is involved. */
const invitations = ({ strapi }: { strapi: Core.Strapi }) => ({
  async lookup(ctx: PublicRequest) {
    assertQueryKeys(ctx.query, []);
    const found = await lookupInvitation(strapi, readLookup(ctx.request.body));
    if (found.state !== 'open') return refuse(ctx, found.state);
    const body: LookupInvitationResponse = { data: found.invitation };
    ctx.body = body;
  },

  async accept(ctx: PublicRequest) {
    assertQueryKeys(ctx.query, []);
    const { token, password } = readAcceptance(ctx.request.body);
    const outcome = await acceptInvitation(strapi, token, password);
    if (outcome.state !== 'accepted') return refuse(ctx, outcome.state);
    const body: AcceptInvitationResponse = { data: { email: outcome.email } };
    ctx.body = body;
  },
});

export default invitations;
