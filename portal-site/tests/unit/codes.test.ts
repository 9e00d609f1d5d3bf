import { describe, expect, it } from 'vitest';

import { orderSessions, passkeyNameProblem, sessionMethodKey } from '../../src/lib/server/account-security';
import { accountCodeRefusal, isTwoFactorRequired, proofOf, recoveryCode, secretGroups, signInCodeRefusal, totpCode } from '../../src/lib/server/codes';
import { browserHeaders } from '../../src/lib/server/forwarded';
import { StrapiError } from '../../src/lib/server/strapi';

const apiError = (status: number, details: Record<string, unknown> = {}) =>
  new StrapiError('refused', status, '/api/clientia/x', { status, name: 'Error', message: 'refused', details });
const naming = (status: number, field: string) => apiError(status, { errors: [{ path: [field], message: 'wrong' }] });

describe('codes as contacts type them', () => {
  it('reads six digits, with the spaces and dashes people group them with', () => {
    expect(totpCode('123456')).toBe('123456');
    expect(totpCode(' 123 456 ')).toBe('123456');
    expect(totpCode('123-456')).toBe('123456');
    expect(totpCode('12345')).toBeNull();
    expect(totpCode('1234567')).toBeNull();
    expect(totpCode('12a456')).toBeNull();
    expect(totpCode('')).toBeNull();
  });

  it('reads a recovery code as typed, without spaces', () => {
    expect(recoveryCode(' abcd-efgh-2345 ')).toBe('abcd-efgh-2345');
    expect(recoveryCode('abcd efgh')).toBe('abcdefgh');
    expect(recoveryCode('ab')).toBeNull();
    expect(recoveryCode('<script>')).toBeNull();
  });

  it('takes either in one field: six digits are an app code, anything else a recovery code', () => {
    expect(proofOf('123 456')).toEqual({ code: '123456' });
    expect(proofOf('k3j9-xm2p-q8w4')).toEqual({ recoveryCode: 'k3j9-xm2p-q8w4' });
    expect(proofOf('  ')).toBeNull();
  });

  it('groups the authenticator secret in fours for typing by hand', () => {
    expect(secretGroups('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(secretGroups('ABCDE')).toBe('ABCD E');
  });
});

describe("the API's answers to codes", () => {
  it('during sign-in: wrong, locked, expired or malformed', () => {
    expect(signInCodeRefusal(naming(401, 'code'))).toBe('wrong');
    expect(signInCodeRefusal(naming(401, 'recoveryCode'))).toBe('wrong');
    expect(signInCodeRefusal(naming(429, 'code'))).toBe('throttled');
    expect(signInCodeRefusal(apiError(410))).toBe('expired');
    expect(signInCodeRefusal(naming(400, 'code'))).toBe('invalid');
    expect(signInCodeRefusal(naming(400, 'challenge')), 'a challenge the API no longer takes').toBe('expired');
    expect(signInCodeRefusal(apiError(503))).toBeNull();
    expect(signInCodeRefusal(new Error('boom'))).toBeNull();
  });

  it('on the account page, a bare 401 is an ended session, not a wrong code', () => {
    expect(accountCodeRefusal(naming(401, 'code'))).toBe('wrong');
    expect(accountCodeRefusal(naming(400, 'recoveryCode'))).toBe('wrong');
    expect(accountCodeRefusal(naming(429, 'code'))).toBe('throttled');
    expect(accountCodeRefusal(apiError(401))).toBeNull();
    expect(accountCodeRefusal(apiError(409))).toBeNull();
  });

  it('recognises the refusal of a session that lacks the now required second factor', () => {
    expect(isTwoFactorRequired(apiError(403, { reason: 'two-factor-required' }))).toBe(true);
    expect(isTwoFactorRequired(apiError(403))).toBe(false);
    expect(isTwoFactorRequired(apiError(401, { reason: 'two-factor-required' }))).toBe(false);
  });
});

describe('what the portal forwards on sign-in and passkey calls', () => {
  it("sends the browser's address and user agent, and never names an origin (that is Strapi's configuration)", () => {
    expect(browserHeaders({ clientAddress: '203.0.113.9', userAgent: 'Mozilla/5.0 (X11)' })).toEqual({
      'x-forwarded-for': '203.0.113.9',
      'x-clientia-user-agent': 'Mozilla/5.0 (X11)',
    });
    expect(browserHeaders({ clientAddress: 'unknown', userAgent: '\r\n' })).toEqual({});
  });
});

describe('the account page', () => {
  it('checks passkey names as the API stores them', () => {
    expect(passkeyNameProblem('Work laptop')).toBeNull();
    expect(passkeyNameProblem('')).toBe('security.passkeys.nameMissing');
    expect(passkeyNameProblem('x'.repeat(61))).toBe('security.passkeys.nameLong');
    expect(passkeyNameProblem('🔑'.repeat(60)), 'counted in characters').toBeNull();
    expect(passkeyNameProblem('two\nlines')).toBe('security.passkeys.nameInvalid');
  });

  it('says how each session was opened', () => {
    expect(sessionMethodKey({ method: 'password', secondFactor: 'totp' })).toBe('security.sessions.method.password-totp');
    expect(sessionMethodKey({ method: 'link', secondFactor: 'none' })).toBe('security.sessions.method.link');
    expect(sessionMethodKey({ method: 'passkey', secondFactor: 'none' })).toBe('security.sessions.method.passkey');
  });

  it('lists this device first, then by last activity', () => {
    const listed = orderSessions([
      { id: 'a', current: false, lastSeenAt: '2026-11-29T08:00:00Z' },
      { id: 'b', current: false, lastSeenAt: '2026-11-29T09:00:00Z' },
      { id: 'c', current: true, lastSeenAt: '2026-11-29T07:00:00Z' },
    ]);
    expect(listed.map((entry) => entry.id)).toEqual(['c', 'b', 'a']);
  });
});
