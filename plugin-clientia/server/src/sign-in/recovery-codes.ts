import { createHmac, hkdfSync, randomInt, timingSafeEqual } from 'node:crypto';

import type { Core } from '@strapi/strapi';

import {
  canonicalRecoveryCode as canonical,
  RECOVERY_CODE_ALPHABET as ALPHABET,
  RECOVERY_CODE_LENGTH as LENGTH,
} from '../../../shared/contracts/sign-in';
import { jsonValue } from '../repositories/rows';

/**
 * One-time recovery codes, for a contact without their authenticator app: ten of them, eight
 * characters each, shown once as `k7m2-q9xp` (the format is the contract's). 32 symbols give each
 * code exactly 40 random bits.
 */
export const RECOVERY_CODE_COUNT = 10;

/** A stored code: only its keyed hash, and when it was spent. */
interface StoredRecoveryCode {
  hash: string;
  usedAt: string | null;
}

const newCode = () => {
  let code = '';
  for (let i = 0; i < LENGTH; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
};

/**
 * Forty bits are too few for a plain hash: a leaked table could be searched through in hours. The
 * hash is keyed from the app's keys, like the sealed authenticator secrets next to it, so the table
 * alone gives nothing away. Every configured key is tried on reading, so adding a key in front
 * keeps earlier codes working.
 */
const appKeys = (strapi: Core.Strapi): string[] => {
  const configured = strapi.config.get('server.app.keys') as unknown;
  const keys = (Array.isArray(configured) ? configured : typeof configured === 'string' ? configured.split(',') : [])
    .map((key) => String(key).trim())
    .filter(Boolean);
  if (keys.length === 0) throw new Error('server.app.keys is empty: recovery codes cannot be hashed without it (set APP_KEYS)');
  return keys;
};

const hashWith = (key: string, code: string) =>
  createHmac('sha256', Buffer.from(hkdfSync('sha256', key, 'clientia', 'recovery-codes', 32)))
    .update(canonical(code))
    .digest('base64url');

/** A fresh set: the codes to show once, and what to store. */
export const newRecoveryCodes = (strapi: Core.Strapi): { codes: string[]; stored: StoredRecoveryCode[] } => {
  const [key] = appKeys(strapi);
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  return { codes, stored: codes.map((code) => ({ hash: hashWith(key!, code), usedAt: null })) };
};

/** The stored list as read from the JSON column; anything malformed counts as no codes. */
export const storedRecoveryCodes = (column: unknown): StoredRecoveryCode[] => {
  const value = jsonValue(column);
  return Array.isArray(value)
    ? value
        .filter((entry): entry is { hash: string; usedAt?: unknown } => Boolean(entry) && typeof (entry as { hash?: unknown }).hash === 'string')
        .map((entry) => ({ hash: entry.hash, usedAt: typeof entry.usedAt === 'string' ? entry.usedAt : null }))
    : [];
};

export const unusedRecoveryCodes = (value: unknown): number => storedRecoveryCodes(value).filter((entry) => !entry.usedAt).length;

/**
 * The index of the unused stored code this one is, or -1. Every entry is compared, in constant
 * time each, so the answer's timing does not tell which one matched.
 */
export const findRecoveryCode = (strapi: Core.Strapi, stored: StoredRecoveryCode[], code: string): number => {
  const candidates = appKeys(strapi).map((key) => Buffer.from(hashWith(key, code)));
  let found = -1;
  stored.forEach((entry, index) => {
    const hash = Buffer.from(entry.hash);
    const matches = candidates.some((candidate) => candidate.length === hash.length && timingSafeEqual(candidate, hash));
    if (matches && !entry.usedAt && found < 0) found = index;
  });
  return found;
};
