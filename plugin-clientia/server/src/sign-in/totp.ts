import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/**
 * Authenticator codes (RFC 6238) as every common app reads them: SHA1, 6 digits, 30 seconds. A
 * code is taken one step either side of now, for clocks that drift and people who type slowly.
 */
const ALGORITHM = 'SHA1';
const DIGITS = 6;
const TOTP_PERIOD_SECONDS = 30;
const WINDOW = 1;
/** 160 bits, the size RFC 4226 recommends for an HMAC-SHA1 key. */
const SECRET_BYTES = 20;

/** A new secret, base32 (the form apps take when typed by hand). */
export const newTotpSecret = (): string => new Secret({ size: SECRET_BYTES }).base32;

const totpOf = (secret: string, issuer = '', label = '') =>
  new TOTP({ issuer, label, issuerInLabel: Boolean(issuer), secret: Secret.fromBase32(secret), algorithm: ALGORITHM, digits: DIGITS, period: TOTP_PERIOD_SECONDS });

/** The otpauth:// address an app scans: the firm as issuer, the contact's email as the account. */
export const otpauthUrl = (secret: string, issuer: string, label: string): string => totpOf(secret, issuer, label).toString();

/** The address as a QR code: a standalone SVG document. */
export const qrCodeSvg = (url: string): Promise<string> => QRCode.toString(url, { type: 'svg', margin: 1 });

/** The time step a moment falls in; a code belongs to exactly one. */
export const totpStep = (now = Date.now()): number => TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp: now });

/**
 * The step whose code this is, when it is one of the steps around `now`; null when it matches
 * none. Whether the step was already used is the caller's to decide (see two-factor.ts).
 */
export const matchTotp = (secret: string, code: string, now = Date.now()): number | null => {
  const delta = totpOf(secret).validate({ token: code, timestamp: now, window: WINDOW });
  return delta === null ? null : totpStep(now) + delta;
};

