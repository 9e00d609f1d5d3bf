import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { openStoredFile } from '../portal/documents/storage';
import { attachmentName } from '../portal/stored-file';
import { pluginConfig } from '../rules/settings';
import { SigningRefused } from './refusals';
import { bearerTokenOf, signerContext, type RequestLike, type SignerContext } from './signer-context';

/** What the signing controllers read of Koa's context. */
export interface SigningHttpContext {
  request: { headers: Record<string, string | string[] | undefined>; body?: unknown };
  req: { socket: { remoteAddress?: string } };
  set(field: string, value: string): void;
  status: number;
  body: unknown;
  length?: number;
}

const requestOf = (ctx: SigningHttpContext): RequestLike => ({ headers: ctx.request.headers, socketAddress: ctx.req.socket.remoteAddress });

export const signerOf = (strapi: Core.Strapi, ctx: SigningHttpContext): SignerContext =>
  signerContext(requestOf(ctx), pluginConfig(strapi, 'trustedProxies'), bearerTokenOf(requestOf(ctx)));

/**
 * Runs a signing action; a refusal becomes a 409 whose `details.refusal` names the reason, so a
 * portal can explain it in the signer's language. Everything else goes to Strapi's error handling.
 */
export const answerRefusals = async (ctx: SigningHttpContext, action: () => Promise<unknown>) => {
  try {
    ctx.body = { data: await action() };
  } catch (error) {
    if (!(error instanceof SigningRefused)) throw error;
    ctx.status = 409;
    ctx.body = { data: null, error: { status: 409, name: 'ConflictError', message: error.message, details: { refusal: error.refusal } } };
  }
};

/** Streams the completed PDF as a download that no browser renders inline or caches. */
export const sendCompletedFile = async (strapi: Core.Strapi, ctx: SigningHttpContext, file: { storageKey: string; number: string | null }) => {
  const stored = await openStoredFile(strapi, file.storageKey);
  if (!stored) throw new errors.NotFoundError('The signed document is missing from storage');
  ctx.set('Content-Type', 'application/pdf');
  ctx.set('Content-Disposition', `attachment; filename="${attachmentName(file.number ? `${file.number}-signed` : null, 'contract-signed')}"`);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Cache-Control', 'private, no-store');
  ctx.body = stored.stream;
  ctx.length = stored.size;
};
