import { isIP } from 'node:net';

/**
 * Who is calling, as far as a request can tell: the peer's address, or the browser's address a
 * trusted proxy (the portal) forwards; the user agent; the bearer token. Forwarded headers are
 * believed only from a configured proxy; from anyone else the request speaks for itself.
 */

/** Headers the portal forwards for the browser it serves, believed only from a trusted proxy. */
export const FORWARDED = {
  /** The browser's own user agent. */
  userAgent: 'x-clientia-user-agent',
  /** SHA-256 of the portal's browser session, recorded in a signing trail. */
  browserSession: 'x-clientia-session',
  /** How the contact signed in to the portal. */
  authMethod: 'x-clientia-auth-method',
} as const;

export interface RequestLike {
  headers: Record<string, string | string[] | undefined>;
  /** The address of the TCP peer, whatever headers say. */
  socketAddress: string | undefined;
}

const MAX_USER_AGENT = 512;

/** One header's value, repeated values joined, trimmed; '' when absent. */
export const header = (request: Pick<RequestLike, 'headers'>, name: string) => {
  const value = request.headers[name];
  return (Array.isArray(value) ? value.join(',') : value)?.trim() ?? '';
};

/** `::ffff:127.0.0.1` and `127.0.0.1` are the same peer. */
const normaliseAddress = (address: string | undefined | null): string | null => {
  const trimmed = (address ?? '').trim().replace(/^\[|\]$/g, '');
  const plain = trimmed.toLowerCase().startsWith('::ffff:') && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
  return isIP(plain) ? plain.toLowerCase() : null;
};

/** The configured proxies as normalised addresses; anything unreadable is left out. */
export const trustedAddresses = (proxies: readonly string[]): ReadonlySet<string> =>
  new Set(proxies.map((address) => normaliseAddress(address)).filter((address): address is string => Boolean(address)));

/** True when the peer itself is one of the trusted proxies. */
export const viaTrustedProxy = (request: RequestLike, trusted: ReadonlySet<string>) => {
  const peer = normaliseAddress(request.socketAddress);
  return Boolean(peer && trusted.has(peer));
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

/** A user agent fit to store and show: control characters folded, at most 512 characters. */
const cleanUserAgent = (value: string) => value.replace(/\p{Cc}+/gu, ' ').trim().slice(0, MAX_USER_AGENT) || null;

/** The browser's user agent: the one the portal forwards when it is the peer, else the request's own. */
export const userAgentOf = (request: RequestLike, trusted: ReadonlySet<string>) => {
  const forwarded = viaTrustedProxy(request, trusted) ? header(request, FORWARDED.userAgent) : '';
  return cleanUserAgent(forwarded || header(request, 'user-agent'));
};

export const bearerTokenOf = (request: RequestLike): string | null => {
  const match = /^Bearer\s+(\S+)$/i.exec(header(request, 'authorization'));
  return match ? match[1]! : null;
};
