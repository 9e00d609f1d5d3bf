import type { Core } from '@strapi/strapi';

import { pluginConfig } from '../config/plugin-config';
import { records } from '../repositories/records';
import { clientAddress, trustedAddresses, userAgentOf, type RequestLike } from '../http/caller';
import { UID } from '../constants';

/** What sign-in code reads of Koa's context (a policy's copy of it has these too). */
export interface SignInHttpContext {
  request: { headers: Record<string, string | string[] | undefined> };
  req: { socket: { remoteAddress?: string } };
}

export interface RequestFacts {
  /** The browser's address: the peer, or what a trusted proxy says the peer was. */
  ip: string | null;
  userAgent: string | null;
}

const requestOf = (ctx: SignInHttpContext): RequestLike => ({ headers: ctx.request.headers, socketAddress: ctx.req.socket.remoteAddress });

const trustedProxies = (strapi: Core.Strapi) => trustedAddresses(pluginConfig(strapi, 'trustedProxies'));

/**
 * The address and browser behind a request. The portal forwards both for the browser it serves;
 * those headers count only from a trusted proxy, so nobody else can put words in the session list.
 * `strapi` defaults to the running instance, which is where the trusted proxies are configured.
 */
export const requestContext = (ctx: SignInHttpContext, strapi: Core.Strapi = global.strapi): RequestFacts => {
  const trusted = trustedProxies(strapi);
  const request = requestOf(ctx);
  return { ip: clientAddress(request, trusted), userAgent: userAgentOf(request, trusted) };
};

/** `https://portal.example` from anything URL-shaped with an http(s) scheme and no credentials; null otherwise. */
export const originOf = (value: string | null | undefined): string | null => {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (url.username || url.password || !url.hostname) return null;
    return url.origin;
  } catch {
    return null;
  }
};

/**
 * The portal's origin: the firm's custom domain from the branding, else the configured portal URL.
 * Sign-in links in emails point here and the passkey RP id is its hostname. Configuration only:
 * no request header decides it, or a caller who reaches the API from a trusted address (through a
 * reverse proxy on the same host, say) could have genuine emails link to a site of their own.
 */
export const portalOrigin = async (strapi: Core.Strapi): Promise<string> => {
  const branding = await records(strapi, UID.branding).findOne({ select: ['portalUrl'] });
  const fromBranding = originOf(typeof branding?.portalUrl === 'string' ? branding.portalUrl : null);
  return fromBranding ?? originOf(pluginConfig(strapi, 'portalUrl')) ?? pluginConfig(strapi, 'portalUrl').replace(/\/+$/, '');
};
