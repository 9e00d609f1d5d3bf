import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

import type { Core } from '@strapi/strapi';

/** A bearer secret for a link or a challenge: 32 random bytes, base64url (43 characters). */
export const randomToken = (): string => randomBytes(32).toString('base64url');

/** What is stored instead of a token: its SHA-256 in hex. A token has enough entropy that no salt is needed. */
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * A short fingerprint of the account's current password hash. Sessions and sign-in links carry the
 * stamp of the password they were opened under; once the password changes the stamps differ, and
 * whatever carried the old one stops working without anyone having to find and end it.
 */
export const passwordStamp = (passwordHash: string | null | undefined): string =>
  createHash('sha256').update(passwordHash ?? '', 'utf8').digest('hex').slice(0, 32);

/** Compares two secrets in time that does not depend on where they differ (nor on their lengths). */
export const sameSecret = (a: string, b: string): boolean => {
  const left = createHash('sha256').update(a, 'utf8').digest();
  const right = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(left, right) && a.length === b.length;
};
const SEALED_VERSION = 'v1';
const KEY_INFO = 'clientia:sign-in:sealed-secret:v1';

const appKeys = (strapi: Core.Strapi): string[] => {
  const configured = strapi.config.get('server.app.keys') as unknown;
  const keys = (Array.isArray(configured) ? configured : typeof configured === 'string' ? configured.split(',') : [])
    .map((key) => String(key).trim())
    .filter(Boolean);
  if (keys.length === 0) throw new Error('server.app.keys is empty: secrets cannot be sealed without it (set APP_KEYS)');
  return keys;
};

// Derived rather than used directly: the app keys also sign Koa cookies and must not double as a cipher key.
const derivedKey = (appKey: string) => Buffer.from(hkdfSync('sha256', appKey, Buffer.alloc(0), KEY_INFO, 32));

/**
 * Seals a secret for the database with AES-256-GCM under a key derived from the first app key:
 * `v1.<iv>.<tag>.<ciphertext>`, base64url parts. A copied database alone does not give it away.
 */
export const sealSecret = (strapi: Core.Strapi, plain: string): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derivedKey(appKeys(strapi)[0]!), iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [SEALED_VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.');
};

/**
 * Opens what `sealSecret` made. Every app key is tried, so a secret sealed before a key rotation (new
 * key first, old key kept after it) still opens. Null when it is damaged or sealed under another key.
 */
export const openSecret = (strapi: Core.Strapi, sealed: string): string | null => {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== SEALED_VERSION) return null;
  const [, iv, tag, body] = parts as [string, string, string, string];
  for (const appKey of appKeys(strapi)) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', derivedKey(appKey), Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      // Not this key: try the next.
    }
  }
  return null;
};
