import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import {
  acceptInvitationRequest,
  lookupInvitationRequest,
  type AcceptInvitationResponse,
  type LookupInvitationResponse,
} from '../../../shared/contracts/portal-invitations';
import { acceptInvitation, lookupInvitation } from '../accounts/invitation-redeem';
import { noQuery } from '../../../shared/contracts/fields';
import { parseBody, parseQuery } from '../validation/parse';
import { refusal } from '../domain/errors';

export interface PublicRequest {
  query: Record<string, unknown>;
  request: { body?: unknown };
  body: unknown;
}

const NOT_VALID = 'This invitation link is not valid. It may have been used already; if you have not set up your account, ask the firm to invite you again.';
const EXPIRED = 'This invitation link has expired. Ask the firm to send you a new one.';

/** Either answer the portal shows instead of the form: one message for unknown and used links alike. */
const refuse = (state: 'unknown' | 'expired'): never => {
  if (state === 'unknown') throw new errors.NotFoundError(NOT_VALID);
  throw refusal(410, EXPIRED);
};

/** Public routes: whoever holds the link is who the invitation is for, so no JWT is involved. */
const invitations = ({ strapi }: { strapi: Core.Strapi }) => ({
  async lookup(ctx: PublicRequest) {
    parseQuery(noQuery, ctx.query);
    const { token } = parseBody(lookupInvitationRequest, ctx.request.body);
    const found = await lookupInvitation(strapi, token);
    if (found.state !== 'open') return refuse(found.state);
    const body: LookupInvitationResponse = { data: found.invitation };
    ctx.body = body;
  },

  async accept(ctx: PublicRequest) {
    parseQuery(noQuery, ctx.query);
    const { token, password } = parseBody(acceptInvitationRequest, ctx.request.body);
    const outcome = await acceptInvitation(strapi, token, password);
    if (outcome.state !== 'accepted') return refuse(outcome.state);
    const body: AcceptInvitationResponse = { data: { email: outcome.email } };
    ctx.body = body;
  },
});

export default invitations;
