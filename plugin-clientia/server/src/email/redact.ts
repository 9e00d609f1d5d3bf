/**
 * An e-mail that carried a secret (an invitation, a password reset, a sign-in link) keeps its
 * text in the outbox after it is sent or given up, for the record; the secret itself is taken
 * out, so the copy kept by the firm opens nothing. The secrets are the last path segment of an
 * invitation link and the `code` or `token` of a reset or sign-in link, as the plugin writes them.
 */
const SECRET_IN_LINK = [/(\/invite\/)[A-Za-z0-9_-]{16,}/g, /([?&](?:code|token)=)[A-Za-z0-9_-]{16,}/g];

const REDACTED = 'removed-after-delivery';

export const redactLinkSecrets = (body: string): string =>
  SECRET_IN_LINK.reduce((text, pattern) => text.replace(pattern, `$1${REDACTED}`), body);
