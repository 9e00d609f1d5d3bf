import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import type { PortalSigningView, SigningRefusal } from '@clientia/shared/contracts/signing';
import { formatter } from '../../src/lib/format';
import { translator } from '../../src/lib/i18n';
import { framedDocumentHeaders, securityHeaders } from '../../src/lib/server/security-headers';
import {
  cannotSignMessage,
  cleanUserAgent,
  DECLINE_REASON_MAX,
  readDeclineForm,
  readSignForm,
  refusalMessage,
  refusalOf,
  SIGNING_REFUSALS,
  signerHeaders,
  signingFailureOf,
  signingLocaleOf,
  TYPED_NAME_MAX,
  USER_AGENT_MAX,
  waitingFor,
} from '../../src/lib/server/signing';
import { StrapiError } from '../../src/lib/server/strapi';

const t = translator('en-GB');
const fmt = formatter('en-GB', 'Europe/Berlin');
const de = translator('de-DE');
const fmtDe = formatter('de-DE', 'Europe/Berlin');

const HASH = 'a'.repeat(64);
const CONSENT = 'b'.repeat(64);

const formOf = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
};

const signing = (fields: Record<string, string> = {}) =>
  formOf({ action: 'sign', documentHash: HASH, consentVersion: CONSENT, consent: 'yes', typedName: 'Mara Lindqvist', ...fields });

const strapiError = (status: number, details: Record<string, unknown> = {}) =>
  new StrapiError('refused', status, '/api/clientia/contracts/c1/sign', { status, name: 'Error', message: 'refused', details });

describe('the sign form', () => {
  it('sends exactly what the signer was shown and typed', () => {
    const parsed = readSignForm(signing({ typedName: '  Mara Lindqvist ', documentHash: HASH.toUpperCase() }), t, fmt);
    expect(parsed.errors).toEqual({});
    expect(parsed.stale).toBe(false);
    expect(parsed.request).toEqual({ documentHash: HASH, consent: true, consentVersion: CONSENT, typedName: 'Mara Lindqvist' });
  });

  it('asks for the consent and a name, each at its own field', () => {
    const parsed = readSignForm(formOf({ documentHash: HASH, consentVersion: CONSENT, typedName: '   ' }), t, fmt);
    expect(parsed.request).toBeNull();
    expect(parsed.errors.consent).toBe(t('signing.consent.missing'));
    expect(parsed.errors.typedName).toBe(t('signing.name.missing'));
    // Only the box's own value counts as consent.
    expect(readSignForm(signing({ consent: 'on' }), t, fmt).errors.consent).toBeDefined();
  });

  it('takes a name of up to 300 characters, as the browser and the API count them', () => {
    expect(readSignForm(signing({ typedName: 'x'.repeat(TYPED_NAME_MAX) }), t, fmt).request).not.toBeNull();
    const long = readSignForm(signing({ typedName: 'x'.repeat(TYPED_NAME_MAX + 1) }), t, fmt);
    expect(long.request).toBeNull();
    expect(long.errors.typedName).toBe(t('signing.name.tooLong', { max: '300' }));
    // Runs of spaces count once: the API joins them.
    expect(readSignForm(signing({ typedName: `${'x'.repeat(150)}     ${'y'.repeat(149)}` }), t, fmt).request).not.toBeNull();
  });

  it('refuses a name with control or invisible characters, or without letters', () => {
    for (const typedName of ['Mara\u0007', 'Mara\u200bLindqvist', '12345', '---']) {
      expect(readSignForm(signing({ typedName }), t, fmt).errors.typedName, typedName).toBe(t('signing.name.invalid'));
    }
    expect(readSignForm(signing({ typedName: 'Zoë O’Brien-Łukasiewicz' }), t, fmt).request).not.toBeNull();
  });

  it('treats missing or malformed hidden fields as a page to review again', () => {
    const broken: Record<string, string>[] = [{ documentHash: '' }, { consentVersion: 'v1' }, { documentHash: 'z'.repeat(64) }];
    for (const fields of broken) {
      const parsed = readSignForm(signing(fields), t, fmt);
      expect(parsed.stale).toBe(true);
      expect(parsed.request).toBeNull();
      expect(parsed.errors).toEqual({});
    }
  });
});

describe('the decline form', () => {
  it('needs a reason, of at most 2000 characters', () => {
    expect(readDeclineForm(formOf({ reason: ' \n ' }), t, fmt).errors.reason).toBe(t('signing.decline.reason.missing'));
    expect(readDeclineForm(formOf({}), t, fmt).request).toBeNull();
    const long = readDeclineForm(formOf({ reason: 'x'.repeat(DECLINE_REASON_MAX + 1) }), t, fmt);
    expect(long.errors.reason).toBe(t('signing.decline.reason.tooLong', { max: '2,000' }));
    expect(readDeclineForm(formOf({ reason: 'x'.repeat(DECLINE_REASON_MAX) }), t, fmt).request).toEqual({ reason: 'x'.repeat(DECLINE_REASON_MAX) });
  });

  it('counts a line break once, however the browser sent it', () => {
    const typed = `${'x'.repeat(999)}\r\n${'y'.repeat(1000)}`;
    const parsed = readDeclineForm(formOf({ reason: `  ${typed}  ` }), t, fmt);
    expect(parsed.errors).toEqual({});
    expect(parsed.request?.reason).toBe(`${'x'.repeat(999)}\n${'y'.repeat(1000)}`);
  });

  it('says the limit in German numbers in German', () => {
    expect(readDeclineForm(formOf({ reason: 'x'.repeat(2001) }), de, fmtDe).errors.reason).toBe(
      'Der Grund darf höchstens 2.000 Zeichen lang sein.'
    );
  });
});

describe('refusals in the contact’s words', () => {
  for (const [name, tr, fm] of [
    ['English', t, fmt],
    ['German', de, fmtDe],
  ] as const) {
    it(`has a message for every refusal in ${name}`, () => {
      const messages = SIGNING_REFUSALS.map((refusal) => refusalMessage(refusal, tr, fm));
      for (const [index, message] of messages.entries()) {
        expect(message, SIGNING_REFUSALS[index]).not.toMatch(/^signing\.|\{\w+\}/);
        expect(message.length, SIGNING_REFUSALS[index]).toBeGreaterThan(20);
      }
      expect(new Set(messages).size).toBe(SIGNING_REFUSALS.length);
    });

    it(`says when and who in ${name}, where the view tells`, () => {
      const signed = refusalMessage('already_signed', tr, fm, { signedAt: '2026-11-04T08:41:00Z' });
      expect(signed).toContain(fm.dateTime('2026-11-04T08:41:00Z'));
      expect(refusalMessage('not_your_turn', tr, fm, { waitingFor: 'Jonas Weber' })).toContain('Jonas Weber');
    });
  }

  it('asks to review the document again when it changed', () => {
    expect(refusalMessage('document_changed', t, fmt)).toBe('The document changed since you opened it; please review it again before you sign.');
    expect(refusalMessage('document_changed', de, fmtDe)).toMatch(/^Das Dokument hat sich geändert/);
  });
});

type ViewOverrides = Omit<Partial<PortalSigningView>, 'caller'> & { caller?: Partial<PortalSigningView['caller']> };
const view = (overrides: ViewOverrides = {}): PortalSigningView => ({
  contract: { documentId: 'c1', number: 'C-2026-014', title: 'Master services agreement', version: 2, status: 'partially_signed' },
  documentHash: HASH,
  sequential: true,
  signatories: [
    { name: 'Jonas Weber', order: 1, status: 'pending', at: null, isCaller: false },
    { name: 'Mara Lindqvist', order: 2, status: 'pending', at: null, isCaller: true },
  ],
  consent: { locale: 'en', text: 'I sign.', version: CONSENT },
  completed: null,
  declineReason: null,
  ...overrides,
  caller: { canSign: false, refusal: null, signedAt: null, declinedAt: null, ...overrides.caller },
});

describe('why the caller cannot sign', () => {
  it('names who signs first when signing is in order', () => {
    const waiting = view({ caller: { refusal: 'not_your_turn' } });
    expect(waitingFor(waiting)?.name).toBe('Jonas Weber');
    expect(cannotSignMessage(waiting, t, fmt)).toBe(t('signing.refusal.not_your_turn.named', { name: 'Jonas Weber' }));
    expect(waitingFor({ ...waiting, sequential: false })).toBeNull();
  });

  it('says when the caller signed or declined', () => {
    expect(cannotSignMessage(view({ caller: { refusal: 'already_signed', signedAt: '2026-11-04T08:41:00Z' } }), t, fmt)).toBe(
      'You signed this contract on 4 Nov 2026, 09:41.'
    );
    expect(cannotSignMessage(view({ caller: { refusal: 'not_signable', declinedAt: '2026-11-05T10:00:00Z' } }), de, fmtDe)).toBe(
      'Sie haben die Unterschrift dieses Vertrags am 05.11.2026, 11:00 abgelehnt.'
    );
  });

  it('names who declined', () => {
    const declined = view({
      caller: { refusal: 'not_signable' },
      signatories: [{ name: 'Jonas Weber', order: 1, status: 'declined', at: '2026-11-05T10:00:00Z', isCaller: false }],
    });
    expect(cannotSignMessage(declined, t, fmt)).toBe(t('signing.state.declinedBy', { name: 'Jonas Weber' }));
  });

  it('says nothing when the caller can sign', () => {
    expect(cannotSignMessage(view({ caller: { canSign: true } }), t, fmt)).toBeNull();
  });
});

describe('the API’s answers to a sign or decline request', () => {
  it('reads the refusal a 409 names', () => {
    for (const refusal of SIGNING_REFUSALS) {
      expect(refusalOf(strapiError(409, { refusal }))).toBe(refusal);
      expect(signingFailureOf(strapiError(409, { refusal }), t, 'sign')).toEqual({ status: 409, refusal, errors: {}, failed: false });
    }
    expect(refusalOf(strapiError(409, { refusal: 'made_up' as SigningRefusal }))).toBeNull();
    expect(refusalOf(strapiError(400, { refusal: 'not_signable' }))).toBeNull();
    expect(signingFailureOf(strapiError(409, {}), t, 'decline')).toMatchObject({ refusal: null, failed: true });
  });

  it('maps a field the API names back to the form that was posted', () => {
    const named = (path: string) => strapiError(400, { errors: [{ path: [path], message: 'bad' }] });
    expect(signingFailureOf(named('typedName'), t, 'sign')?.errors).toEqual({ typedName: t('signing.name.invalid') });
    expect(signingFailureOf(named('consent'), t, 'sign')?.errors).toEqual({ consent: t('signing.consent.missing') });
    expect(signingFailureOf(named('documentHash'), t, 'sign')?.refusal).toBe('document_changed');
    expect(signingFailureOf(named('consentVersion'), t, 'sign')?.refusal).toBe('consent_outdated');
    expect(signingFailureOf(named('reason'), t, 'decline')?.errors).toEqual({ reason: t('signing.decline.reason.invalid') });
    // A field of the other form, or none, is not the signer's to fix.
    expect(signingFailureOf(named('reason'), t, 'sign')).toMatchObject({ failed: true, errors: {} });
    expect(signingFailureOf(named('typedName'), t, 'decline')).toMatchObject({ failed: true, errors: {} });
    expect(signingFailureOf(strapiError(400), t, 'sign')).toMatchObject({ failed: true, errors: {} });
  });

  it('leaves sign-in, missing and forbidden to the page', () => {
    for (const status of [401, 403, 404]) expect(signingFailureOf(strapiError(status), t, 'sign')).toBeNull();
    expect(signingFailureOf(new Error('boom'), t, 'sign')).toBeNull();
    expect(signingFailureOf(strapiError(503), t, 'decline')).toMatchObject({ status: 503, failed: true });
  });
});

describe('the signer context sent to Strapi', () => {
  const sessionKey = createHash('sha256').update('cookie-secret').digest('hex');

  it('forwards the browser address, a hash of the session and the sign-in method', () => {
    const headers = signerHeaders({ clientAddress: '203.0.113.24', sessionKey, userAgent: 'Mozilla/5.0 (X11; Linux x86_64)', authMethod: 'password' });
    expect(headers).toEqual({
      'x-forwarded-for': '203.0.113.24',
      'x-clientia-session': createHash('sha256').update(sessionKey).digest('hex'),
      'x-clientia-auth-method': 'password',
      'x-clientia-user-agent': 'Mozilla/5.0 (X11; Linux x86_64)',
    });
    // The store's key never leaves the portal as it is.
    expect(headers['x-clientia-session']).not.toBe(sessionKey);
    expect(headers['x-clientia-session']).toMatch(/^[a-f0-9]{64}$/);
  });

  it('names how the session was opened, and nothing the API would not take for a method', () => {
    const method = (authMethod: string) => signerHeaders({ clientAddress: null, sessionKey, userAgent: null, authMethod })['x-clientia-auth-method'];
    expect(method('password-totp')).toBe('password-totp');
    expect(method('passkey')).toBe('passkey');
    expect(method('link-recovery-code')).toBe('link-recovery-code');
    expect(method('Password TOTP')).toBe('password');
    expect(method('x'.repeat(40))).toBe('password');
  });

  it('forwards IPv6 addresses and nothing that is not an address', () => {
    expect(signerHeaders({ clientAddress: '2001:db8::24', sessionKey, userAgent: null, authMethod: 'password' })['x-forwarded-for']).toBe('2001:db8::24');
    expect(signerHeaders({ clientAddress: '[2001:db8::24]', sessionKey, userAgent: null, authMethod: 'password' })['x-forwarded-for']).toBe('2001:db8::24');
    for (const clientAddress of ['unknown', '', null, undefined, '203.0.113.24, 10.0.0.1']) {
      expect(signerHeaders({ clientAddress, sessionKey, userAgent: null, authMethod: 'password' })).not.toHaveProperty('x-forwarded-for');
    }
  });

  it('cuts the user agent to 512 characters and keeps it one header line', () => {
    const long = signerHeaders({ clientAddress: '203.0.113.24', sessionKey, userAgent: `Mozilla/5.0 ${'x'.repeat(1000)}`, authMethod: 'password' });
    expect(long['x-clientia-user-agent']).toHaveLength(USER_AGENT_MAX);
    expect(cleanUserAgent('Agent\r\nX-Injected: 1')).toBe('Agent X-Injected: 1');
    expect(cleanUserAgent('Navigateur ☃')).toBe('Navigateur ?');
    expect(signerHeaders({ clientAddress: null, sessionKey, userAgent: '  ', authMethod: 'password' })).not.toHaveProperty('x-clientia-user-agent');
  });

  it('asks for the consent in the page’s language', () => {
    expect(signingLocaleOf(translator('de-CH'))).toBe('de');
    expect(signingLocaleOf(translator('en-US'))).toBe('en');
    expect(signingLocaleOf(translator('fr'))).toBe('en');
  });
});

describe('the framed contract PDF', () => {
  it('may be framed by the portal only, while every other page may not be framed at all', () => {
    const framed = framedDocumentHeaders();
    expect(framed['Content-Security-Policy']).toBe("frame-ancestors 'self'");
    expect(framed['X-Frame-Options']).toBe('SAMEORIGIN');
    expect(securityHeaders(true)['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(securityHeaders(true)['X-Frame-Options']).toBe('DENY');
  });
});
