import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import {
  passkeyOptionsRequest,
  passkeyRegistrationRequest,
  passkeyRenameRequest,
  passkeySignInRequest,
  type PasskeyCeremony,
  type PasskeySummary,
  type SignedIn,
} from '../../../shared/contracts/sign-in';
import { noQuery } from '../../../shared/contracts/fields';
import { portalContext } from '../portal/context';
import { requestedId } from '../http/record-id';
import type { PortalRequest } from './context';
import {
  passkeyRegistrationOptions,
  passkeySignInOptions,
  registerPasskey,
  removeOwnPasskey,
  renameOwnPasskey,
  signInWithPasskey,
  type PasskeyOwner,
} from '../sign-in/passkeys';
import type { SignInHttpContext } from '../sign-in/request';
import { parseBody, parseQuery } from '../validation/parse';
import { portalQuery } from '../../../shared/contracts/portal';

/** Koa's context as these actions read it: the body, and the peer and headers the relying party is taken from. */
type PasskeyRequest = SignInHttpContext & { query: Record<string, unknown>; request: { body?: unknown }; body: unknown; status: number };
type PortalPasskeyRequest = PasskeyRequest & PortalRequest;

const NOT_FOUND = 'No such passkey on your account';

/**
 * Strapi's authorize step turns a 401 or 403 thrown behind it into a bare "Unauthorized" or
 * "Forbidden"; the sign-in page shows the message, so it is written out here in the same shape.
 */
const answerWithMessage = async (ctx: PasskeyRequest, action: () => Promise<void>) => {
  try {
    await action();
  } catch (error) {
    const status = error instanceof errors.UnauthorizedError ? 401 : error instanceof errors.ForbiddenError && !(error instanceof errors.PolicyError) ? 403 : null;
    if (!status) throw error;
    const { name, message, details } = error as InstanceType<typeof errors.ApplicationError>;
    ctx.status = status;
    ctx.body = { data: null, error: { status, name, message, details: details ?? {} } };
  }
};

const ownerOf = (ctx: PortalPasskeyRequest): PasskeyOwner => {
  const { user, membership } = portalContext(ctx);
  return { id: user.id, email: user.email, displayName: membership.name?.trim() || user.email };
};

/** Public: signing in with a passkey. Portal (`preferences`): the contact's own passkeys. */
const passkeys = ({ strapi }: { strapi: Core.Strapi }) => ({
  async signInOptions(ctx: PasskeyRequest) {
    parseQuery(noQuery, ctx.query);
    parseBody(passkeyOptionsRequest, ctx.request.body);
    const body: { data: PasskeyCeremony } = { data: (await passkeySignInOptions(strapi, ctx)) as unknown as PasskeyCeremony };
    ctx.body = body;
  },

  async signIn(ctx: PasskeyRequest) {
    parseQuery(noQuery, ctx.query);
    const input = parseBody(passkeySignInRequest, ctx.request.body);
    await answerWithMessage(ctx, async () => {
      const body: { data: SignedIn } = { data: await signInWithPasskey(strapi, ctx, input) };
      ctx.body = body;
    });
  },

  async registrationOptions(ctx: PortalPasskeyRequest) {
    parseQuery(portalQuery, ctx.query);
    parseBody(passkeyOptionsRequest, ctx.request.body);
    const body: { data: PasskeyCeremony } = { data: (await passkeyRegistrationOptions(strapi, ctx, ownerOf(ctx))) as unknown as PasskeyCeremony };
    ctx.body = body;
  },

  async register(ctx: PortalPasskeyRequest) {
    parseQuery(portalQuery, ctx.query);
    const input = parseBody(passkeyRegistrationRequest, ctx.request.body);
    const body: { data: PasskeySummary } = { data: await registerPasskey(strapi, ctx, ownerOf(ctx), input) };
    ctx.status = 201;
    ctx.body = body;
  },

  async rename(ctx: PortalPasskeyRequest) {
    parseQuery(portalQuery, ctx.query);
    const id = requestedId(ctx.params, NOT_FOUND);
    const { name } = parseBody(passkeyRenameRequest, ctx.request.body);
    const renamed = await renameOwnPasskey(strapi, portalContext(ctx).user.id, id, name);
    if (!renamed) throw new errors.NotFoundError(NOT_FOUND);
    const body: { data: PasskeySummary } = { data: renamed };
    ctx.body = body;
  },

  async remove(ctx: PortalPasskeyRequest) {
    parseQuery(portalQuery, ctx.query);
    const id = requestedId(ctx.params, NOT_FOUND);
    if (!(await removeOwnPasskey(strapi, ctx, portalContext(ctx).user.id, id))) throw new errors.NotFoundError(NOT_FOUND);
    ctx.status = 204;
    ctx.body = null;
  },
});

export default passkeys;
