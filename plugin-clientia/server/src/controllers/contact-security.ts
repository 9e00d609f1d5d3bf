import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { GetClientSignInResponse, ResetTwoFactorResponse } from '../../../shared/contracts/admin-sign-in';
import { fieldError } from '../domain/errors';
import { currentActor } from '../rules/context';
import { getService } from '../utils';
import { documentIdParam, staffId, type AdminContext } from './context';
import { assertBodyKeys, assertQueryKeys, readOptionalBoolean } from './validation';

const membershipIdParam = (ctx: AdminContext): string => {
  const membershipId = ctx.params.membershipId;
  if (!membershipId) throw new errors.NotFoundError('Not found');
  return membershipId;
};

const contactSecurity = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: AdminContext) {
    assertQueryKeys(ctx.query, []);
    const body: GetClientSignInResponse = { data: await getService(strapi, 'contact-security').overview(documentIdParam(ctx)) };
    ctx.body = body;
  },

  async update(ctx: AdminContext) {
    assertQueryKeys(ctx.query, []);
    const documentId = documentIdParam(ctx);
    const input = assertBodyKeys(ctx.request.body, ['requireTwoFactor']);
    const requireTwoFactor = readOptionalBoolean(input, 'requireTwoFactor');
    if (requireTwoFactor === undefined) throw fieldError('requireTwoFactor', 'is required: true or false');
    const body: GetClientSignInResponse = {
      data: await getService(strapi, 'contact-security').setRequireTwoFactor(documentId, requireTwoFactor),
    };
    ctx.body = body;
  },

  async resetTwoFactor(ctx: AdminContext) {
    assertQueryKeys(ctx.query, []);
    const documentId = documentIdParam(ctx);
    const membershipId = membershipIdParam(ctx);
    // The route takes no body; anything sent is refused rather than silently ignored.
    if (ctx.request.body !== undefined && ctx.request.body !== null) assertBodyKeys(ctx.request.body, []);
    staffId(ctx);
    const body: ResetTwoFactorResponse = {
      data: await getService(strapi, 'contact-security').resetTwoFactor(documentId, membershipId, currentActor(strapi)),
    };
    ctx.body = body;
  },
});

export default contactSecurity;
