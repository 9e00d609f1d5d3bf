import type { Core } from '@strapi/strapi';

import { passwordSignInRequest, type SignInOptions, type SignInStep } from '../../../shared/contracts/sign-in';
import { signInWithPassword } from '../sign-in/password';
import type { SignInHttpContext } from '../sign-in/request';
import { signInSettings } from '../sign-in/settings';
import { noQuery } from '../../../shared/contracts/fields';
import { parseBody, parseQuery } from '../validation/parse';

export interface SignInRequest extends SignInHttpContext {
  query: Record<string, unknown>;
  request: SignInHttpContext['request'] & { body?: unknown };
  body: unknown;
  set(field: string, value: string): void;
}

/** Public: the first steps of a portal sign-in. Answers are never cached: they carry secrets or the firm's current settings. */
const signIn = ({ strapi }: { strapi: Core.Strapi }) => ({
  async options(ctx: SignInRequest) {
    parseQuery(noQuery, ctx.query);
    const settings = await signInSettings(strapi);
    const data: SignInOptions = { magicLinks: settings.magicLinks };
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data };
  },

  async password(ctx: SignInRequest) {
    parseQuery(noQuery, ctx.query);
    const input = parseBody(passwordSignInRequest, ctx.request.body);
    const data: SignInStep = await signInWithPassword(strapi, ctx, input);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data };
  },
});

export default signIn;
