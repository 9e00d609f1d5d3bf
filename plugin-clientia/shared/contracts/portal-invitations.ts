/**
 * Accepting an invitation: public routes (no JWT) the portal calls from the link staff sent,
 * `${portalUrl}/invite/<token>`. The token is the secret; the server keeps only its SHA-256 and
 * it works once, until it expires.
 *
 * Errors: 400 names the field (`token`, `password`, or an unknown field); 404 when the link is
 * unknown or already used; 410 when it has expired (the firm must send a new one).
 */

/** Password rules for a new account (bcrypt reads at most 72 bytes, so longer is refused, not cut). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_BYTES = 72;

/** POST /api/clientia/invitations/lookup */
export interface LookupInvitationRequest {
  token: string;
}

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
export interface AcceptInvitationRequest {
  token: string;
  /**
   * The new account's password: at least PASSWORD_MIN_LENGTH characters, at most
   * PASSWORD_MAX_BYTES bytes of UTF-8. Required for a new account; refused for an existing one.
   */
  password?: string;
}

export interface AcceptInvitationResponse {
  data: { email: string };
}
