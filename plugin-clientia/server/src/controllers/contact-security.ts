import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { updateClientSignInRequest, type GetClientSignInResponse, type ResetTwoFactorResponse } from '../../../shared/contracts/admin-sign-in';
import { noFields, noQuery } from '../../../shared/contracts/fields';
import { currentActor } from '../audit/actor';
import { clientSignInSecurity, resetContactTwoFactor, setClientRequiresTwoFactor } from '../workspace/contact-security';
import { documentIdParam, staffId, type AdminContext } from './context';
import { parseBody, parseQuery } from '../validation/parse';

const membershipIdParam = (ctx: AdminContext): string => {
  const membershipId = ctx.params.membershipId;
  if (!membershipId) throw new errors.NotFoundError('Not found');
  return membershipId;
};

const contactSecurity = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const body: GetClientSignInResponse = { data: await clientSignInSecurity(strapi, documentIdParam(ctx)) };
    ctx.body = body;
  },

  async update(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const documentId = documentIdParam(ctx);
    const { requireTwoFactor } = parseBody(updateClientSignInRequest, ctx.request.body);
    const body: GetClientSignInResponse = {
      data: await setClientRequiresTwoFactor(strapi, documentId, requireTwoFactor),
    };
    ctx.body = body;
  },

  async resetTwoFactor(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const documentId = documentIdParam(ctx);
    const membershipId = membershipIdParam(ctx);
    // The route takes no body; anything sent is refused rather than silently ignored.
    parseBody(noFields, ctx.request.body);
    staffId(ctx);
    const body: ResetTwoFactorResponse = {
      data: await resetContactTwoFactor(strapi, documentId, membershipId, currentActor(strapi)),
    };
    ctx.body = body;
  },
});

export default contactSecurity;
