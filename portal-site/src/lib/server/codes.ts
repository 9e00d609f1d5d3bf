/**
 * Authenticator and recovery codes as contacts type them, and the API's answers to them, as
 * plain functions the pages share.
 */
import { fieldOf } from './auth';
import type { SecondFactorProof } from './sign-in';
import { StrapiError } from './strapi';

/** An authenticator app shows six digits, often as "123 456". */
const TOTP_PATTERN = /^\d{6}$/;
const TYPED_MAX = 100;

/** Spaces and dashes are how people group what they copy; they are not part of a code. */
const compact = (value: string) => value.slice(0, TYPED_MAX).replace(/[\s-]+/g, '');

/** The six digits of an authenticator code, or null when the input is not one. */
export const totpCode = (value: string): string | null => {
  const code = compact(value);
  return TOTP_PATTERN.test(code) ? code : null;
};

/** A recovery code as typed, without spaces; null when nothing usable was typed. */
export const recoveryCode = (value: string): string | null => {
  const code = value.slice(0, TYPED_MAX).replace(/\s+/g, '');
  return code.length >= 6 && /^[A-Za-z0-9-]+$/.test(code) ? code : null;
};

/**
 * One field that takes either: six digits are an authenticator code, anything else a recovery
 * code (the account page asks for "a code" to change two-factor settings).
 */
export const proofOf = (value: string): SecondFactorProof | null => {
  const code = totpCode(value);
  if (code) return { code };
  const recovery = recoveryCode(value);
  return recovery ? { recoveryCode: recovery } : null;
};

/** Why the API refused a code. */
type CodeRefusal = 'wrong' | 'throttled' | 'expired' | 'invalid';

const CODE_FIELDS = new Set(['code', 'recoveryCode']);

/**
 * A code refused during sign-in: 401 is a wrong (or replayed) code, 429 the lock after too many,
 * 410 a challenge that expired or was used. Null for anything else (the API is not answering).
 */
export const signInCodeRefusal = (error: unknown): CodeRefusal | null => {
  if (!(error instanceof StrapiError)) return null;
  if (error.status === 401) return 'wrong';
  if (error.status === 429) return 'throttled';
  if (error.status === 410) return 'expired';
  if (error.status === 400) return CODE_FIELDS.has(fieldOf(error) ?? '') ? 'invalid' : 'expired';
  return null;
};

/**
 * A code refused on a signed-in page (two-factor settings). Only an answer that names the code
 * is about the code: a bare 401 means the session ended, and the page handles that as any other.
 */
export const accountCodeRefusal = (error: unknown): CodeRefusal | null => {
  if (!(error instanceof StrapiError)) return null;
  const aboutCode = CODE_FIELDS.has(fieldOf(error) ?? '');
  if (error.status === 429) return 'throttled';
  if (error.status === 401 && aboutCode) return 'wrong';
  if (error.status === 400) return aboutCode ? 'wrong' : 'invalid';
  return null;
};

/** The API's 403 when the contact must use two-factor authentication and this session did not. */
export const isTwoFactorRequired = (error: unknown): boolean =>
  error instanceof StrapiError && error.status === 403 && error.details?.details?.reason === 'two-factor-required';

/** The authenticator secret in groups of four, as apps ask for it to be typed by hand. */
export const secretGroups = (secret: string): string => secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
