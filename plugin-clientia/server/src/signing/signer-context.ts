import { isIP } from 'node:net';

import { sha256Hex } from './chain';

/** What the trail records about how a signer reached the server. */
export interface SignerContext {
  ip: string | null;
  userAgent: string | null;
  /** SHA-256 of the session: the portal's session id, or the bearer token for a direct API call. */
  sessionHash: string | null;
  /** How the signer proved who they are: the portal's sign-in method, or the kind of token. */
  authMethod: string;
}

export const SESSION_HEADER = 'x-clientia-session';
export const AUTH_METHOD_HEADER = 'x-clientia-auth-method';
export const USER_AGENT_HEADER = 'x-clientia-user-agent';

const MAX_USER_AGENT = 512;
const HEX64 = /^[a-f0-9]{64}$/;
const AUTH_METHOD = /^[a-z][a-z0-9_-]{0,31}$/;

export interface RequestLike {
  headers: Record<string, string | string[] | undefined>;
  /** The address of the TCP peer, whatever headers say. */
  socketAddress: string | undefined;
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are the same peer. */
export const normaliseAddress = (address: string | undefined | null): string | null => {
  const trimmed = (address ?? '').trim().replace(/^\[|\]$/g, '');
  const plain = trimmed.toLowerCase().startsWith('::ffff:') && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
  return isIP(plain) ? plain.toLowerCase() : null;
};

const header = (request: RequestLike, name: string) => {
  const value = request.headers[name];
  return (Array.isArray(value) ? value.join(',') : value)?.trim() ?? '';
};

/**
 * The client's address: the peer itself, unless the peer is a trusted proxy; then the
 * X-Forwarded-For hops are read from the right, skipping trusted proxies, and the first other
 * address is the client. Addresses further left were written by the client and prove nothing.
 */
export const clientAddress = (request: RequestLike, trusted: ReadonlySet<string>): string | null => {
  const peer = normaliseAddress(request.socketAddress);
  if (!peer || !trusted.has(peer)) return peer;
  const hops = header(request, 'x-forwarded-for').split(',').map((hop) => normaliseAddress(hop));
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = hops[index];
    if (!hop) return peer; // an unreadable hop: nothing left of it can be trusted
    if (!trusted.has(hop)) return hop;
  }
  return peer;
};

const cleanUserAgent = (value: string) => value.replace(/\p{Cc}+/gu, ' ').trim().slice(0, MAX_USER_AGENT) || null;

/**
 * Everything the trail records about the request. The portal's own headers (its session hash,
 * sign-in method and the browser's user agent) count only when they come from a trusted proxy;
 * otherwise the request speaks for itself: its own user agent, and its bearer token as the session.
 */
export const signerContext = (request: RequestLike, trustedProxies: readonly string[], bearerToken: string | null): SignerContext => {
  const trusted = new Set(trustedProxies.map((address) => normaliseAddress(address)).filter((address): address is string => Boolean(address)));
  const peer = normaliseAddress(request.socketAddress);
  const viaPortal = Boolean(peer && trusted.has(peer));
  const forwardedSession = header(request, SESSION_HEADER).toLowerCase();
  const forwardedMethod = header(request, AUTH_METHOD_HEADER).toLowerCase();
  const forwardedAgent = header(request, USER_AGENT_HEADER);

  const sessionHash =
    viaPortal && HEX64.test(forwardedSession) ? forwardedSession : bearerToken ? sha256Hex(`bearer:${bearerToken}`) : null;
  const authMethod = viaPortal && AUTH_METHOD.test(forwardedMethod) ? forwardedMethod : 'jwt';
  const userAgent = cleanUserAgent(viaPortal && forwardedAgent ? forwardedAgent : header(request, 'user-agent'));
  return { ip: clientAddress(request, trusted), userAgent, sessionHash, authMethod };
};

export const bearerTokenOf = (request: RequestLike): string | null => {
  const match = /^Bearer\s+(\S+)$/i.exec(header(request, 'authorization'));
  return match ? match[1]! : null;
};
