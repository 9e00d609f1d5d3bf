import type { Core } from '@strapi/strapi';
import { Secret, TOTP } from 'otpauth';

import { findRecoveryCode, newRecoveryCodes, RECOVERY_CODE_COUNT, storedRecoveryCodes, unusedRecoveryCodes } from '../../src/sign-in/recovery-codes';
import { matchTotp, newTotpSecret, otpauthUrl, totpStep } from '../../src/sign-in/totp';
import { readRecoveryCode, readTotpCode } from '../helpers/request-parsers';

const strapiWithKeys = (keys: string[]) => ({ config: { get: (key: string) => (key === 'server.app.keys' ? keys : undefined) } }) as unknown as Core.Strapi;

const fieldOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { details?: { errors?: { path: string[] }[] } }).details?.errors?.[0]?.path;
  }
  throw new Error('accepted');
};

describe('authenticator codes', () => {
  const secret = newTotpSecret();
  const app = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  const now = Date.UTC(2026, 10, 20, 12, 0, 10);

  it('makes 160-bit base32 secrets and an otpauth address with the firm as issuer', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const url = new URL(otpauthUrl(secret, 'Ledger & Lark LLP', 'rosa@northwind.example'));
    expect(url.searchParams.get('issuer')).toBe('Ledger & Lark LLP');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname)).toBe('/Ledger & Lark LLP:rosa@northwind.example');
  });

  it('takes the code of the current step and one step either side, and says which step it was', () => {
    const step = totpStep(now);
    expect(matchTotp(secret, app.generate({ timestamp: now }), now)).toBe(step);
    expect(matchTotp(secret, app.generate({ timestamp: now - 30_000 }), now)).toBe(step - 1);
    expect(matchTotp(secret, app.generate({ timestamp: now + 30_000 }), now)).toBe(step + 1);
    expect(matchTotp(secret, app.generate({ timestamp: now - 60_000 }), now)).toBeNull();
    expect(matchTotp(secret, app.generate({ timestamp: now + 60_000 }), now)).toBeNull();
  });

  it('reads six digits as typed and names the field otherwise', () => {
    expect(readTotpCode(' 123 456 ')).toBe('123456');
    expect(readTotpCode('123-456')).toBe('123456');
    for (const bad of ['12345', '1234567', 'abcdef', 123456, null, undefined]) expect(fieldOf(() => readTotpCode(bad))).toEqual(['code']);
  });
});

describe('recovery codes', () => {
  const strapi = strapiWithKeys(['key-one', 'key-two']);

  it('makes ten distinct codes of 40 bits each, unambiguous to read, stored only as keyed hashes', () => {
    const { codes, stored } = newRecoveryCodes(strapi);
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    // Eight symbols of a 32-symbol alphabet without i, l, o and u: 8 × 5 = 40 bits.
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
    expect(JSON.stringify(stored)).not.toMatch(new RegExp(codes.map((code) => code.replace('-', '')).join('|')));
    expect(stored.every((entry) => entry.usedAt === null)).toBe(true);
  });

  it('finds a code however it is typed, only while unused, and not under other keys', () => {
    const { codes, stored } = newRecoveryCodes(strapi);
    const code = codes[3]!;
    expect(findRecoveryCode(strapi, stored, readRecoveryCode(code))).toBe(3);
    const typed = code.replace('-', ' ').toUpperCase().replace(/0/g, 'O').replace(/1/g, 'l');
    expect(findRecoveryCode(strapi, stored, readRecoveryCode(typed))).toBe(3);
    stored[3] = { ...stored[3]!, usedAt: new Date().toISOString() };
    expect(findRecoveryCode(strapi, stored, readRecoveryCode(code))).toBe(-1);
    expect(unusedRecoveryCodes(stored)).toBe(RECOVERY_CODE_COUNT - 1);
    // A key added in front keeps earlier codes; a different key set finds none.
    expect(findRecoveryCode(strapiWithKeys(['key-new', 'key-one']), stored, readRecoveryCode(codes[4]!))).toBe(4);
    expect(findRecoveryCode(strapiWithKeys(['key-other']), stored, readRecoveryCode(codes[4]!))).toBe(-1);
  });

  it('reads the stored column whether it comes back parsed or as text', () => {
    const { stored } = newRecoveryCodes(strapi);
    expect(storedRecoveryCodes(JSON.stringify(stored))).toEqual(stored);
    expect(storedRecoveryCodes(null)).toEqual([]);
    expect(storedRecoveryCodes('not json')).toEqual([]);
  });

  it('names the field of a malformed code', () => {
    for (const bad of ['k7m2-q9x', 'k7m2-q9xpp', 'u7m2-q9xp', 42, '']) expect(fieldOf(() => readRecoveryCode(bad))).toEqual(['recoveryCode']);
  });
});
