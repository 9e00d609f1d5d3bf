import { sha256Hex } from './chain';
import { clientAddress, FORWARDED, header, trustedAddresses, userAgentOf, viaTrustedProxy, type RequestLike } from '../http/caller';

/** What the trail records about how a signer reached the server. */
export interface SignerContext {
  ip: string | null;
  userAgent: string | null;
  /** SHA-256 of the session: the portal's session id, or the bearer token for a direct API call. */
  sessionHash: string | null;
  /** How the signer proved who they are: the portal's sign-in method, or the kind of token. */
  authMethod: string;
}

const HEX64 = /^[a-f0-9]{64}$/;
const AUTH_METHOD = /^[a-z][a-z0-9_-]{0,31}$/;

/**
 * Everything the trail records about the request. The portal's own headers (its session hash,
 * sign-in method and the browser's user agent) count only when they come from a trusted proxy;
 * otherwise the request speaks for itself: its own user agent, and its bearer token as the session.
 */
export const signerContext = (request: RequestLike, trustedProxies: readonly string[], bearerToken: string | null): SignerContext => {
  const trusted = trustedAddresses(trustedProxies);
  const viaPortal = viaTrustedProxy(request, trusted);
  const forwardedSession = header(request, FORWARDED.browserSession).toLowerCase();
  const forwardedMethod = header(request, FORWARDED.authMethod).toLowerCase();

  const sessionHash =
    viaPortal && HEX64.test(forwardedSession) ? forwardedSession : bearerToken ? sha256Hex(`bearer:${bearerToken}`) : null;
  const authMethod = viaPortal && AUTH_METHOD.test(forwardedMethod) ? forwardedMethod : 'jwt';
  return { ip: clientAddress(request, trusted), userAgent: userAgentOf(request, trusted), sessionHash, authMethod };
};
