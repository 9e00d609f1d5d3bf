import type { Core } from '@strapi/strapi';

import type { SignInOptions, SignInStep } from '../../../shared/contracts/sign-in';
import { readPasswordSignIn, signInWithPassword } from '../sign-in/password';
import type { SignInHttpContext } from '../sign-in/request';
import { signInSettings } from '../sign-in/settings';
import { assertQueryKeys } from './validation';

export interface SignInRequest extends SignInHttpContext {
  query: Record<string, unknown>;
  request: SignInHttpContext['request'] & { body?: unknown };
  body: unknown;
  set(field: string, value: string): void;
}

/** Public: the first steps of a portal sign-in. Answers are never cached: they carry secrets or the firm's current settings. */
const signIn = ({ strapi }: { strapi: Core.Strapi }) => ({
  async options(ctx: SignInRequest) {
    assertQueryKeys(ctx.query, []);
    const settings = await signInSettings(strapi);
    const data: SignInOptions = { magicLinks: settings.magicLinks };
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data };
  },

  async password(ctx: SignInRequest) {
    assertQueryKeys(ctx.query, []);
    const input = readPasswordSignIn(ctx.request.body);
    const data: SignInStep = await signInWithPassword(strapi, ctx, input);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data };
  },
});

export default signIn;
