import { EMAIL_KINDS, renderTemplate, type EmailBrand, type EmailKind, type EmailVars } from '../../src/email/templates';
import { emailFormats } from '../../src/email/templates/format';
import { languageOf } from '../../src/i18n';

const PORTAL = 'https://portal.ledgerlark.example';
const PRODUCT_NAMES = /clientia|strapi/i;
const HOSTILE = '<script>alert("x")</script> & <b>bold</b>';

const brand = (overrides: Partial<EmailBrand> = {}): EmailBrand => ({
  firmName: 'Ledger & Lark LLP',
  primaryColor: '#c8e6ff',
  logoUrl: null,
  supportEmail: 'help@ledgerlark.example',
  footerText: 'Ledger & Lark LLP, 1 Quay Street, Bristol',
  legalText: 'Registered in England and Wales, no. 0C123456.',
  portalUrl: PORTAL,
  ...overrides,
});

/** Every kind with realistic values; `text` goes into each free-text field a client or staff member could type. */
const varsFor = (text: string): EmailVars => ({
  invitation: { clientName: `Northwind ${text}`, inviteUrl: `${PORTAL}/invite/tok_123`, expiresAt: '2026-12-03T14:00:00Z', invitedBy: `Ada ${text}` },
  password_reset: { resetUrl: `${PORTAL}/reset-password?code=abc123` },
  sign_in_link: { signInUrl: `${PORTAL}/sign-in/link?token=tok_456` },
  invoice_issued: { invoiceId: 'inv_doc_1', number: `INV-2026-0042${text}`, total: { amount: 178500, currency: 'EUR' }, dueDate: '2026-12-15' },
  payment_reminder: { invoiceId: 'inv_doc_1', number: 'INV-2026-0042', balance: { amount: 50000, currency: 'EUR' }, dueDate: '2026-12-15' },
  overdue_reminder: { invoiceId: 'inv_doc_1', number: 'INV-2026-0042', balance: { amount: 50000, currency: 'EUR' }, dueDate: '2026-12-15' },
  contract_to_sign: { contractId: 'ctr_doc_7', number: 'CTR-2026-007', title: `Master services ${text}` },
  contract_completed: { contractId: 'ctr_doc_7', number: 'CTR-2026-007', title: `Master services ${text}`, verificationCode: 'A1B2-C3D4' },
  contract_declined: { contractId: 'ctr_doc_7', number: 'CTR-2026-007', title: 'Master services', declinedBy: `Rosa ${text}`, reason: `Not now.\n${text}` },
  contract_reminder: { contractId: 'ctr_doc_7', number: 'CTR-2026-007', title: `Master services ${text}` },
  contract_withdrawn: { contractId: 'ctr_doc_7', number: 'CTR-2026-007', title: `Master services ${text}`, reason: `Terms changed.\n${text}` },
  new_message: { threadId: 'thr_doc_3', threadSubject: `Quarterly filing ${text}`, senderName: `Ada ${text}` },
  new_document: { documentTitle: `Annual report ${text}`, folder: `Reports ${text}` },
});

const LINKS: Record<EmailKind, string | null> = {
  invitation: `${PORTAL}/invite/tok_123`,
  password_reset: `${PORTAL}/reset-password?code=abc123`,
  sign_in_link: `${PORTAL}/sign-in/link?token=tok_456`,
  invoice_issued: `${PORTAL}/invoices/inv_doc_1`,
  payment_reminder: `${PORTAL}/invoices/inv_doc_1`,
  overdue_reminder: `${PORTAL}/invoices/inv_doc_1`,
  contract_to_sign: `${PORTAL}/contracts/ctr_doc_7/sign`,
  contract_completed: `${PORTAL}/contracts/ctr_doc_7/verification`,
  // To the firm's own inbox: nothing to open in the client portal.
  contract_declined: null,
  contract_reminder: `${PORTAL}/contracts/ctr_doc_7/sign`,
  // The contract is a draft again: nothing to open until it is sent anew.
  contract_withdrawn: null,
  new_message: `${PORTAL}/messages/thr_doc_3`,
  new_document: `${PORTAL}/documents`,
};

const render = <K extends EmailKind>(kind: K, locale: string, options: { text?: string; brand?: EmailBrand; name?: string } = {}) =>
  renderTemplate(kind, options.brand ?? brand(), { email: 'rosa@northwind.example', name: options.name ?? 'Rosa Keller', locale, timeZone: 'Europe/Berlin' }, varsFor(options.text ?? '')[kind]);

const cases = EMAIL_KINDS.flatMap((kind) => (['en', 'de'] as const).map((locale) => [kind, locale] as const));

describe('email templates', () => {
  it('cover every kind the outbox accepts', () => {
    expect([...EMAIL_KINDS].sort()).toEqual(Object.keys(LINKS).sort());
  });

  it.each(cases)('%s (%s): subject, text and HTML, the firm brand, the portal link, no product name', (kind, locale) => {
    const email = render(kind, locale);
    expect(email.subject.trim()).not.toBe('');
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.text).toContain('Ledger & Lark LLP');
    expect(email.html).toContain('Ledger &amp; Lark LLP');
    expect(email.html).toMatch(/^<!DOCTYPE html>/);
    expect(email.html).toContain(`<html lang="${locale}">`);
    for (const part of [email.text, email.html]) {
      expect(part).toContain(locale === 'de' ? 'Guten Tag Rosa Keller,' : 'Hello Rosa Keller,');
      expect(part).toContain('help@ledgerlark.example');
      expect(part).toContain('Registered in England and Wales');
    }
    const link = LINKS[kind];
    if (link) {
      expect(email.text).toContain(link);
      expect(email.html).toContain(`href="${link.replace(/&/g, '&amp;')}"`);
    }
    expect(`${email.subject}\n${email.text}\n${email.html}`).not.toMatch(PRODUCT_NAMES);
    expect(email.html).not.toMatch(/<script|<link|@import|url\(/i);
  });

  it.each(cases)('%s (%s): escapes a hostile firm name and hostile client input in the HTML', (kind, locale) => {
    const email = render(kind, locale, { brand: brand({ firmName: `Evil ${HOSTILE}` }), text: HOSTILE, name: `Rosa ${HOSTILE}` });
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>bold</b>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    // The text part is plain text: shown as typed, never interpreted.
    expect(email.text).toContain(HOSTILE);
  });

  it('keeps typed line breaks out of the subject and the inline names', () => {
    const email = render('new_message', 'en', { text: 'x\r\nBcc: victim@example.com' });
    expect(email.subject).toBe('New message: Quarterly filing x Bcc: victim@example.com');
    expect(email.text).not.toContain('\nBcc:');
  });

  it('writes German for any German locale and English for the rest', () => {
    expect(render('invoice_issued', 'de-CH').subject).toBe('Rechnung INV-2026-0042 von Ledger & Lark LLP');
    expect(render('invoice_issued', 'fr').subject).toBe('Invoice INV-2026-0042 from Ledger & Lark LLP');
    expect(languageOf('de_AT')).toBe('de');
    expect(languageOf('not a locale')).toBe('en');
  });

  it('formats money and dates for the recipient’s locale', () => {
    const en = render('invoice_issued', 'en-US');
    expect(en.text).toContain('€1,785.00');
    expect(en.text).toContain('December 15, 2026');
    const de = render('invoice_issued', 'de-DE');
    expect(de.text).toMatch(/1\.785,00\s€/);
    expect(de.text).toContain('15. Dezember 2026');
    expect(emailFormats('en-GB').money({ amount: 1500, currency: 'JPY' })).toBe('JP¥1,500');
    // The invitation's expiry is shown in the contact's own zone, with the zone named.
    expect(render('invitation', 'en-GB').text).toMatch(/3 December 2026 at 15:00 CET/);
  });

  it('draws the header from the logo when there is one, else from the firm name', () => {
    const withLogo = render('new_document', 'en', { brand: brand({ logoUrl: 'https://cdn.ledgerlark.example/logo.png' }) });
    expect(withLogo.html).toContain('<img src="https://cdn.ledgerlark.example/logo.png" alt="Ledger &amp; Lark LLP"');
    expect(render('new_document', 'en').html).not.toContain('<img');
  });

  it('uses a darker shade of a light brand colour where text sits on it', () => {
    const html = render('invoice_issued', 'en').html;
    // The decorative bar keeps the exact colour; the button behind white text does not.
    expect(html).toContain('background:#c8e6ff;height:6px');
    const button = /<td style="background:(#[0-9a-f]{6});border-radius:4px;">/.exec(html)?.[1];
    expect(button).toBeDefined();
    expect(button).not.toBe('#c8e6ff');
  });

  it('says "reply to this email" when the firm has no support address', () => {
    const email = render('new_document', 'de', { brand: brand({ supportEmail: null }) });
    expect(email.text).toContain('Fragen? Antworten Sie einfach auf diese E-Mail.');
  });

  it('refuses a link that is not a web address', () => {
    expect(() =>
      renderTemplate('invitation', brand(), { email: 'a@b.example', locale: 'en' }, { clientName: 'X', inviteUrl: 'javascript:alert(1)', expiresAt: new Date() })
    ).toThrow(/http/);
  });

  it('greets without a name when there is none', () => {
    expect(render('new_document', 'en', { name: '' }).text).toContain('Hello,');
  });
});
