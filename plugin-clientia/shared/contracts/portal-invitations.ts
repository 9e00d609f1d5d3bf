/**
 * Accepting an invitation: public routes (no JWT) the portal calls from the link staff sent,
 * `${portalUrl}/invite/<token>`. The token is the secret; the server keeps only its SHA-256 and
 * it works once, until it expires.
 *
 * Errors: 400 names the field (`token`, `password`, or an unknown field); 404 when the link is
 * unknown or already used; 410 when it has expired (the firm must send a new one).
 */

import { z } from 'zod';

/** Password rules for a new account (bcrypt reads at most 72 bytes, so longer is refused, not cut). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_BYTES = 72;

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

/**
 * What is wrong with a new password, or null. Length counts characters as people see them; the
 * byte limit is bcrypt's, which ignores everything after 72 bytes, so a longer one is refused
 * rather than silently cut.
 */
const passwordProblem = (password: string): string | null => {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (utf8Bytes(password) > PASSWORD_MAX_BYTES) return `must be at most ${PASSWORD_MAX_BYTES} bytes (fewer characters when they are accented or not Latin)`;
  if (!password.trim()) return 'must not be only spaces';
  return null;
};

/** A password a contact chooses: a new account's, or a new one for their own. */
export const newPassword = (required = 'must be text') =>
  z.string({ error: required }).check((ctx) => {
    const problem = passwordProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  });

/** Tokens are 32 random bytes in base64url (43 characters); a little slack, nothing else. */
const INVITATION_TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

const invitationToken = z
  .string({ error: 'is required: the code at the end of the invitation link' })
  .trim()
  .min(1, { error: 'is required: the code at the end of the invitation link', abort: true })
  .regex(INVITATION_TOKEN, { error: 'is not an invitation code; copy the whole link from the email', abort: true });

/** POST /api/clientia/invitations/lookup */
export const lookupInvitationRequest = z.strictObject({ token: invitationToken });
export type LookupInvitationRequest = z.infer<typeof lookupInvitationRequest>;

export interface InvitationSummary {
  /** The account the invitation is for; the portal shows it and signs in with it afterwards. */
  email: string;
  /** The name staff entered for the contact (may be empty). */
  name: string;
  /** The client the contact is joining. */
  clientName: string;
  /** ISO 8601. */
  expiresAt: string;
  /**
   * True when this person already uses the portal (for another client) and so already has a
   * password: accepting then takes no password, and they sign in with the one they have. False:
   * the contact chooses their password when accepting.
   */
  existingAccount: boolean;
}

export interface LookupInvitationResponse {
  data: InvitationSummary;
}

/** POST /api/clientia/invitations/accept */
export const acceptInvitationRequest = z.strictObject({
  token: invitationToken,
  /**
   * The new account's password: at least PASSWORD_MIN_LENGTH characters, at most
   * PASSWORD_MAX_BYTES bytes of UTF-8. Required for a new account; refused for an existing one.
   * Left out (or null): whether one is needed depends on the account.
   */
  password: newPassword()
    .nullish()
    .transform((password) => password ?? undefined),
});
export type AcceptInvitationRequest = z.input<typeof acceptInvitationRequest>;

export interface AcceptInvitationResponse {
  data: { email: string };
}
