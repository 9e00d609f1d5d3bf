/**
 * Signing in to the portal: passwords, sign-in links, authenticator codes and passkeys, and the
 * sessions they open. Routes under /api/clientia; the public ones need no token, the rest are
 * portal routes (the contact's own JWT, capability `preferences`).
 */
import { z } from 'zod';

import { EMAIL_MAX_LENGTH, emailAddress, isEmail, noFields, storableText } from './fields';
import { newPassword } from './portal-invitations';

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

/** GET /sessions: the contact's sign-in sessions (one per device signed in) that have not ended, newest activity first. */
export interface SignInSessionSummary {
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

/* ---- Requests ---- */

/** Far beyond any real password (bcrypt reads 72 bytes); only keeps a huge body from costing anything. */
const PASSWORD_MAX_LENGTH = 1024;

/** POST /sign-in/password */
export const passwordSignInRequest = z.strictObject({
  email: z
    .string({ error: 'is required: the address you sign in with' })
    .refine((email) => email.trim() !== '', { error: 'is required: the address you sign in with', abort: true })
    .refine((email) => isEmail(email.trim()) && email.length <= EMAIL_MAX_LENGTH, { error: 'must be an email address', abort: true })
    .trim()
    .toLowerCase(),
  password: z
    .string({ error: 'is required, as text' })
    .min(1, { error: 'is required, as text', abort: true })
    .max(PASSWORD_MAX_LENGTH, { error: `must be at most ${PASSWORD_MAX_LENGTH} characters`, abort: true }),
});
export type PasswordSignInRequest = z.infer<typeof passwordSignInRequest>;

/** POST /password-resets (public): whoever asks gets the same answer; only the account's owner gets the email. */
export const passwordResetRequest = z.strictObject({
  email: z
    .string({ error: 'must be an email address' })
    .refine((email) => isEmail(email.trim()) && email.length <= EMAIL_MAX_LENGTH, { error: 'must be an email address', abort: true })
    .trim()
    .toLowerCase(),
});
export type PasswordResetRequest = z.infer<typeof passwordResetRequest>;

/** PUT /password: the contact's new password; every session ends and this one is opened again. */
export const passwordChangeRequest = z
  .strictObject({
    currentPassword: z
      .string({ error: 'is required: the password you use now' })
      .min(1, { error: 'is required: the password you use now', abort: true })
      .max(PASSWORD_MAX_LENGTH, { error: `must be at most ${PASSWORD_MAX_LENGTH} characters`, abort: true }),
    password: newPassword('is required, as text'),
  })
  .refine((change) => change.password !== change.currentPassword, { error: 'must be different from your current password', path: ['password'] });
export type PasswordChangeRequest = z.infer<typeof passwordChangeRequest>;

/** POST /sign-in/links: a sign-in link by email, when the firm allows them. */
export const signInLinkRequest = z.strictObject({ email: emailAddress() });
export type SignInLinkRequest = z.infer<typeof signInLinkRequest>;

/** `randomToken()`: 32 bytes as base64url. */
const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** POST /sign-in/links/redeem: the token from the link's address. */
export const signInLinkRedemption = z.strictObject({
  token: z
    .string({ error: 'is required: the code at the end of the sign-in link' })
    .min(1, { error: 'is required: the code at the end of the sign-in link', abort: true })
    .regex(LINK_TOKEN, { error: 'is not a sign-in link code; copy the whole link from the email', abort: true }),
});
export type SignInLinkRedemption = z.infer<typeof signInLinkRedemption>;

/** Challenge tokens are random tokens; anything far from that shape is not worth a query. */
export const CHALLENGE_TOKEN = /^[A-Za-z0-9_-]{20,128}$/;

/** The challenge a sign-in step answered with, sent back with the next step. */
const signInChallenge = z
  .string({ error: 'is required: the challenge from the previous sign-in step' })
  .min(1, { error: 'is required: the challenge from the previous sign-in step', abort: true })
  .regex(CHALLENGE_TOKEN, { error: 'is not a sign-in challenge', abort: true });

const TOTP_REQUIRED = 'is required: the 6-digit code from your authenticator app';

/** Six digits as typed: spaces and a middle hyphen ("123 456") are forgiven. */
const totpCode = z
  .string({ error: TOTP_REQUIRED })
  .transform((code) => code.replace(/[\s-]/g, ''))
  .refine((digits) => /^\d{6}$/.test(digits), { error: 'must be the 6-digit code from your authenticator app', abort: true });

/**
 * Recovery codes: eight characters of Crockford's base32 (no i, l, o or u, so nothing reads as
 * something else), shown as `k7m2-q9xp`.
 */
export const RECOVERY_CODE_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export const RECOVERY_CODE_LENGTH = 8;

/** The canonical form of a typed code: case, spaces and hyphens do not matter; o, i and l read as 0 and 1. */
export const canonicalRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '').replace(/o/g, '0').replace(/[il]/g, '1');

/** A recovery code as typed, in its canonical form. */
const recoveryCode = z
  .string({ error: 'is required: one of your recovery codes, such as k7m2-q9xp' })
  .max(40, { error: 'is required: one of your recovery codes, such as k7m2-q9xp', abort: true })
  .transform(canonicalRecoveryCode)
  .refine((code) => code.length === RECOVERY_CODE_LENGTH && [...code].every((c) => RECOVERY_CODE_ALPHABET.includes(c)), {
    error: 'must be one of your recovery codes, such as k7m2-q9xp',
    abort: true,
  });

/** The answer to a second-factor step: an authenticator code, or one of the recovery codes. */
export type SecondFactorProof = { code: string } | { recoveryCode: string };

const proofFields = { code: z.unknown().optional(), recoveryCode: z.unknown().optional() };

/**
 * Exactly one of `code` (from the app) and `recoveryCode`, read as its own schema says; sending
 * both is refused whatever they hold, and sending neither asks for the code.
 */
const proofOf = (body: { code?: unknown; recoveryCode?: unknown }, ctx: z.RefinementCtx): SecondFactorProof => {
  if (body.code !== undefined && body.recoveryCode !== undefined) {
    ctx.issues.push({ code: 'custom', path: ['recoveryCode'], message: 'send either code or recoveryCode, not both', input: body.recoveryCode });
    return z.NEVER;
  }
  const field = body.recoveryCode !== undefined ? 'recoveryCode' : 'code';
  const read = (field === 'code' ? totpCode : recoveryCode).safeParse(body[field]);
  if (!read.success) {
    for (const issue of read.error.issues) ctx.issues.push({ code: 'custom', path: [field, ...issue.path], message: issue.message, input: body[field] });
    return z.NEVER;
  }
  return field === 'code' ? { code: read.data } : { recoveryCode: read.data };
};

/** POST /sign-in/second-factor: the challenge from the password, link or passkey step, and a code. */
export const secondFactorRequest = z
  .strictObject({ challenge: signInChallenge, ...proofFields })
  .transform(({ challenge, ...body }, ctx) => ({ challenge, proof: proofOf(body, ctx) }));
export type SecondFactorRequest = z.input<typeof secondFactorRequest>;

/** POST /sign-in/enrolment: an authenticator app set up during the sign-in that requires one. */
export const signInEnrolmentRequest = z.strictObject({ challenge: signInChallenge });
export type SignInEnrolmentRequest = z.infer<typeof signInEnrolmentRequest>;

/** POST /sign-in/enrolment/confirm: the app's first code; answers signed in, with recovery codes. */
export const signInEnrolmentConfirmation = z.strictObject({ challenge: signInChallenge, code: totpCode });
export type SignInEnrolmentConfirmation = z.infer<typeof signInEnrolmentConfirmation>;

/** POST /security/two-factor takes nothing: it starts setting up an authenticator app. */
export const startTwoFactorRequest = noFields;

/** POST /security/two-factor/confirm and POST /security/recovery-codes: a code from the app. */
export const totpCodeRequest = z.strictObject({ code: totpCode });
export type TotpCodeRequest = z.infer<typeof totpCodeRequest>;

/** POST /security/two-factor/disable: an authenticator code or a recovery code. */
export const disableTwoFactorRequest = z.strictObject(proofFields).transform((body, ctx) => proofOf(body, ctx));
export type DisableTwoFactorRequest = z.input<typeof disableTwoFactorRequest>;

/** A passkey's name as the contact sees it in their account. */
export const PASSKEY_NAME_MAX = 60;
const passkeyName = storableText(PASSKEY_NAME_MAX);

const BASE64URL = /^[A-Za-z0-9_-]*$/;
// A credential id is at most 1023 bytes (WebAuthn); everything else is bounded well above what authenticators send.
const MAX_CREDENTIAL_ID = 1400;
const MAX_CREDENTIAL_PART = 64 * 1024;

/** Text as the browser gives WebAuthn's binary fields: base64url, never empty. */
const base64url = (max: number) =>
  z
    .string({ error: 'must be base64url text, as the browser gives it' })
    .refine((value) => value.length > 0 && value.length <= max && BASE64URL.test(value), { error: 'must be base64url text, as the browser gives it', abort: true });

const passkeyChallenge = z
  .string({ error: 'must be the challenge the options call answered' })
  .regex(CHALLENGE_TOKEN, { error: 'must be the challenge the options call answered', abort: true });

const TRANSPORTS = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'];

/**
 * The parts every credential from `navigator.credentials` carries, checked for shape only (the
 * server's WebAuthn library verifies the rest); anything else the browser adds is left out.
 */
const credential = <R extends z.ZodType>(response: R) =>
  z.object(
    {
      id: base64url(MAX_CREDENTIAL_ID),
      rawId: base64url(MAX_CREDENTIAL_ID),
      type: z.literal('public-key', { error: 'must be public-key' }),
      response,
      clientExtensionResults: z
        .record(z.string(), z.unknown(), { error: 'must be an object' })
        .nullish()
        .transform((extensions) => extensions ?? {}),
      authenticatorAttachment: z
        .enum(['platform', 'cross-platform'], { error: 'must be platform or cross-platform' })
        .nullish()
        .transform((attachment) => attachment ?? undefined),
    },
    { error: 'must be the credential the browser returned, as JSON' }
  );

const authenticatorResponse = <S extends z.ZodRawShape>(shape: S) =>
  z.object(shape, { error: 'must be the authenticator’s response, as JSON' });

/** POST /sign-in/passkey/options and POST /security/passkeys/options take nothing. */
export const passkeyOptionsRequest = noFields;

/** POST /sign-in/passkey: the challenge from the options call and what the browser's get call returned. */
export const passkeySignInRequest = z.strictObject({
  challenge: passkeyChallenge,
  response: credential(
    authenticatorResponse({
      clientDataJSON: base64url(MAX_CREDENTIAL_PART),
      authenticatorData: base64url(MAX_CREDENTIAL_PART),
      signature: base64url(MAX_CREDENTIAL_PART),
      userHandle: base64url(MAX_CREDENTIAL_ID)
        .nullish()
        .transform((handle) => handle ?? undefined),
    })
  ),
});
export type PasskeySignInRequest = z.infer<typeof passkeySignInRequest>;

/** POST /security/passkeys: the challenge, what the browser's create call returned, and a name (the server names it when left out). */
export const passkeyRegistrationRequest = z.strictObject({
  challenge: passkeyChallenge,
  response: credential(
    authenticatorResponse({
      clientDataJSON: base64url(MAX_CREDENTIAL_PART),
      attestationObject: base64url(MAX_CREDENTIAL_PART),
      // Kept only when known, as hints for the next ceremony.
      transports: z
        .array(z.unknown(), { error: 'must be a list' })
        .optional()
        .transform((transports) => [...new Set((transports ?? []).filter((item): item is string => typeof item === 'string' && TRANSPORTS.includes(item)))]),
    })
  ),
  name: passkeyName.nullish().transform((name) => name ?? undefined),
});
export type PasskeyRegistrationRequest = z.input<typeof passkeyRegistrationRequest>;

/** PUT /security/passkeys/:id */
export const passkeyRenameRequest = z.strictObject({ name: passkeyName });
export type PasskeyRenameRequest = z.infer<typeof passkeyRenameRequest>;

/** POST /sessions/end-others and /sessions/end-all take nothing. */
export const endSessionsRequest = noFields;

