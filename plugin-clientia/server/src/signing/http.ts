import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { openPrivateFile } from '../storage/private-files';
import { attachmentName } from '../http/downloads';
import { pluginConfig } from '../config/plugin-config';
import { signerContext, type SignerContext } from './signer-context';
import { bearerTokenOf, type RequestLike } from '../http/caller';

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

/** Streams the completed PDF as a download that no browser renders inline or caches. */
export const sendCompletedFile = async (strapi: Core.Strapi, ctx: SigningHttpContext, file: { storageKey: string; number: string | null }) => {
  const stored = await openPrivateFile(strapi, file.storageKey);
  if (!stored) throw new errors.NotFoundError('The signed document is missing from storage');
  ctx.set('Content-Type', 'application/pdf');
  ctx.set('Content-Disposition', `attachment; filename="${attachmentName(file.number ? `${file.number}-signed` : null, 'contract-signed')}"`);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Cache-Control', 'private, no-store');
  ctx.body = stored.stream;
  ctx.length = stored.size;
};
