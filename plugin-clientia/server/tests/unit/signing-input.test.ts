import { consentByVersion, consentFor, SIGNING_LOCALES } from '../../src/signing/consent';
import { parseDeclineRequest, parseSendRequest, parseSignRequest } from '../helpers/request-parsers';
import { signerContext } from '../../src/signing/signer-context';
import { bearerTokenOf, clientAddress } from '../../src/http/caller';
import { sha256Hex } from '../../src/signing/chain';

const fieldOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { details?: { errors?: { path: string[] }[] } }).details?.errors?.[0]?.path.join('.');
  }
  throw new Error('accepted, but should have been refused');
};

const HASH = 'a'.repeat(64);
const sign = (extra: Record<string, unknown> = {}) => ({ documentHash: HASH, consent: true, consentVersion: HASH, typedName: 'Anna Schmidt', ...extra });

describe('sign, decline and send requests', () => {
  it('accepts a complete sign request and tidies the typed name', () => {
    expect(parseSignRequest(sign({ typedName: '  Zoë   Łukasiewicz ' }))).toEqual({ ...sign(), typedName: 'Zoë Łukasiewicz' });
  });

  it.each([
    ['documentHash', sign({ documentHash: HASH.toUpperCase() })],
    ['documentHash', sign({ documentHash: undefined })],
    ['consent', sign({ consent: 'true' })],
    ['consent', sign({ consent: false })],
    ['consentVersion', sign({ consentVersion: 'v1' })],
    ['typedName', sign({ typedName: '' })],
    ['typedName', sign({ typedName: 42 })],
    ['typedName', sign({ typedName: '1234' })],
    ['typedName', sign({ typedName: 'Anna\u200bSchmidt' })],
    ['typedName', sign({ typedName: 'A'.repeat(301) })],
    ['signature', sign({ signature: 'data:image/png;base64,' })],
    ['body', 'Anna'],
    ['body', [sign()]],
  ])('names %s when a sign request is %j', (field, body) => {
    expect(fieldOf(() => parseSignRequest(body))).toBe(field);
  });

  it('takes a decline reason as plain text of at most 2000 characters', () => {
    expect(parseDeclineRequest({ reason: ' Clause 4\r\ncaps liability. ' })).toEqual({ reason: 'Clause 4\ncaps liability.' });
    expect(fieldOf(() => parseDeclineRequest({ reason: '   ' }))).toBe('reason');
    expect(fieldOf(() => parseDeclineRequest({ reason: 'x'.repeat(2001) }))).toBe('reason');
    expect(fieldOf(() => parseDeclineRequest({ reason: 'bell\u0007' }))).toBe('reason');
    expect(fieldOf(() => parseDeclineRequest({ reason: 'ok', typedName: 'x' }))).toBe('typedName');
  });

  it('takes signatories as distinct documentIds, in order, and sequential as a boolean', () => {
    expect(parseSendRequest({ signatories: ['m1', 'm2'], sequential: true })).toEqual({ signatories: ['m1', 'm2'], sequential: true });
    expect(parseSendRequest({ signatories: ['m1'] })).toEqual({ signatories: ['m1'], sequential: false });
    expect(fieldOf(() => parseSendRequest({ signatories: [] }))).toBe('signatories');
    expect(fieldOf(() => parseSendRequest({ signatories: ['m1', 'm1'] }))).toBe('signatories');
    expect(fieldOf(() => parseSendRequest({ signatories: ['m1', 'has space'] }))).toBe('signatories.1');
    expect(fieldOf(() => parseSendRequest({ signatories: Array.from({ length: 21 }, (_, i) => `m${i}`) }))).toBe('signatories');
    expect(fieldOf(() => parseSendRequest({ signatories: ['m1'], sequential: 1 }))).toBe('sequential');
  });
});

describe('consent text', () => {
  it('is versioned by the SHA-256 of its exact words, in each language', () => {
    for (const locale of SIGNING_LOCALES) {
      const consent = consentFor(locale);
      expect(consent.version).toBe(sha256Hex(consent.text));
      expect(consentByVersion(consent.version)).toEqual(consent);
    }
    expect(consentFor('en').text).toMatch(/ESIGN/);
    expect(consentFor('en').text).toMatch(/eIDAS/);
    expect(consentFor('de').text).toMatch(/eIDAS/);
    expect(consentByVersion(sha256Hex('an older text'))).toBeNull();
  });
});

describe('signer context', () => {
  const trusted = ['127.0.0.1', '::1'];
  const request = (socketAddress: string, headers: Record<string, string> = {}) => ({ socketAddress, headers });
  const portalHeaders = {
    'x-forwarded-for': '198.51.100.1, 203.0.113.9',
    'x-clientia-session': 'b'.repeat(64),
    'x-clientia-auth-method': 'password',
    'x-clientia-user-agent': 'Mozilla/5.0 Browser',
    'user-agent': 'node',
  };

  it('takes the last forwarded address that is not a trusted proxy, and the portal’s headers, from a trusted proxy', () => {
    expect(signerContext(request('::ffff:127.0.0.1', portalHeaders), trusted, 'jwt')).toEqual({
      ip: '203.0.113.9',
      userAgent: 'Mozilla/5.0 Browser',
      sessionHash: 'b'.repeat(64),
      authMethod: 'password',
    });
    expect(clientAddress(request('127.0.0.1', { 'x-forwarded-for': '203.0.113.9, 127.0.0.1' }), new Set(trusted))).toBe('203.0.113.9');
  });

  it('ignores every forwarded header from anyone else: the peer and its own token speak for it', () => {
    expect(signerContext(request('192.0.2.50', portalHeaders), trusted, 'the-jwt')).toEqual({
      ip: '192.0.2.50',
      userAgent: 'node',
      sessionHash: sha256Hex('bearer:the-jwt'),
      authMethod: 'jwt',
    });
  });

  it('stops at a forwarded hop it cannot read, and refuses malformed portal headers', () => {
    expect(clientAddress(request('127.0.0.1', { 'x-forwarded-for': '203.0.113.9, not-an-ip' }), new Set(trusted))).toBe('127.0.0.1');
    const context = signerContext(request('127.0.0.1', { 'x-clientia-session': 'short', 'x-clientia-auth-method': 'Pass Word!' }), trusted, null);
    expect(context).toMatchObject({ sessionHash: null, authMethod: 'jwt', userAgent: null });
    const long = signerContext(request('127.0.0.1', { 'x-clientia-user-agent': `A\u0000B${'x'.repeat(600)}` }), trusted, null);
    expect(long.userAgent).toHaveLength(512);
    expect(long.userAgent!.startsWith('A B')).toBe(true);
  });

  it('reads a bearer token from the Authorization header only', () => {
    expect(bearerTokenOf(request('127.0.0.1', { authorization: 'Bearer abc.def' }))).toBe('abc.def');
    expect(bearerTokenOf(request('127.0.0.1', { authorization: 'Basic abc' }))).toBeNull();
    expect(bearerTokenOf(request('127.0.0.1'))).toBeNull();
  });
});
