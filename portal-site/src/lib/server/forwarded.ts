/**
 * What the portal tells Strapi about the browser behind a call: its address and its user agent.
 * Strapi believes these headers only from a trusted proxy (the portal). The portal's own address
 * is Strapi's configuration (`PORTAL_URL`, or the branding's portal URL), never a header.
 */
import { isIP } from 'node:net';

/** As the API records it. */
export const USER_AGENT_MAX = 512;

export interface BrowserRequest {
  /** The browser's address as the portal resolved it (Astro's clientAddress). */
  clientAddress: string | null | undefined;
  userAgent: string | null | undefined;
}

/** Only an address is forwarded: anything else (an unknown peer) would be taken for one. */
const forwardableAddress = (value: string | null | undefined): string | null => {
  const address = (value ?? '').trim().replace(/^\[|\]$/g, '');
  return isIP(address) ? address : null;
};

/**
 * Header values must be single-line Latin-1; a user agent is printable ASCII in practice, and
 * anything else is replaced rather than allowed to make the call fail.
 */
export const cleanUserAgent = (value: string | null | undefined): string | null => {
  const cleaned = (value ?? '')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/[^\u0020-\u00ff]/g, '?')
    .trim()
    .slice(0, USER_AGENT_MAX)
    .trim();
  return cleaned || null;
};

/** The browser's address and user agent, when there is something readable to forward. */
export const browserHeaders = (request: BrowserRequest): Record<string, string> => {
  const headers: Record<string, string> = {};
  const address = forwardableAddress(request.clientAddress);
  if (address) headers['x-forwarded-for'] = address;
  const agent = cleanUserAgent(request.userAgent);
  if (agent) headers['x-clientia-user-agent'] = agent;
  return headers;
};
