/**
 * Signing in to the portal: passwords, sign-in links, authenticator codes and passkeys, and the
 * sessions they open. Routes under /api/clientia; the public ones need no token, the rest are
 * portal routes (the contact's own JWT, capability `preferences`).
 */

/** How a session was opened: the first thing the contact proved. */
export type SignInMethod = 'password' | 'link' | 'passkey';

/** What the contact proved besides the first factor. A passkey with user verification needs none. */
export type SecondFactor = 'none' | 'totp' | 'recovery-code';

export interface SignedInUser {
  id: number;
  email: string;
}

/** A sign-in is complete: the portal opens its own session with this token. */
export interface SignedIn {
  status: 'signed-in';
  /** Carries the session's id (`sid`); the API refuses it once the session has ended. */
  jwt: string;
  user: SignedInUser;
  session: { id: string; method: SignInMethod; secondFactor: SecondFactor };
}

/** The first factor was right; an authenticator code or a recovery code must follow. */
export interface SecondFactorNeeded {
  status: 'second-factor';
  /** Opaque and single use; send it back with the code. */
  challenge: string;
  expiresAt: string;
}

/** The first factor was right, two-factor authentication is required and the contact has none yet. */
export interface EnrolmentNeeded {
  status: 'enrol-two-factor';
  challenge: string;
  expiresAt: string;
}

export type SignInStep = SignedIn | SecondFactorNeeded | EnrolmentNeeded;

/** GET /sign-in/options (public): what the sign-in page offers. */
export interface SignInOptions {
  magicLinks: boolean;
}

/** POST /sign-in/enrolment and POST /security/two-factor: shown once, confirmed by a first code. */
export interface TotpEnrolment {
  /** Base32, for typing into an app by hand. */
  secret: string;
  otpauthUrl: string;
  /** The otpauth URL as a QR code: a standalone SVG document made by the server. */
  qrSvg: string;
}

/** One-time recovery codes, shown once; only their hashes are kept. */
export interface RecoveryCodes {
  recoveryCodes: string[];
}

/** POST /sign-in/enrolment/confirm: signed in, with the new recovery codes. */
export type EnrolledAndSignedIn = SignedIn & RecoveryCodes;

export interface PasskeySummary {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  /** Synced to the contact's other devices by their platform (iCloud Keychain, Google Password Manager). */
  backedUp: boolean;
}

/** GET /security */
export interface SecurityOverview {
  twoFactor: {
    enabled: boolean;
    enabledAt: string | null;
    /** Who requires it, if anyone: the firm for the whole portal, or for one of the contact's clients. */
    requiredBy: 'portal' | 'client' | null;
    recoveryCodesLeft: number;
  };
  passkeys: PasskeySummary[];
  magicLinks: boolean;
}

/** GET /sessions: the contact's sessions that have not ended, newest activity first. */
export interface PortalSessionSummary {
  id: string;
  current: boolean;
  method: SignInMethod;
  secondFactor: SecondFactor;
  userAgent: string | null;
  ip: string | null;
  /** Where the address is, in words the contact recognises ("this computer", "a private network"), or null. */
  place: string | null;
  createdAt: string;
  lastSeenAt: string;
}

/** Public passkey ceremonies: `options` is what the browser's WebAuthn call takes as `optionsJSON`. */
export interface PasskeyCeremony<Options = Record<string, unknown>> {
  challenge: string;
  options: Options;
}
