import config from '../../src/config';

const valid = { ...config.default };

describe('plugin config validation', () => {
  it('accepts the defaults', () => {
    expect(() => config.validator(valid)).not.toThrow();
  });

  it('names an unknown key and lists the known ones', () => {
    expect(() => config.validator({ ...valid, portalURL: 'https://x.example' })).toThrow(
      /Unknown clientia plugin config "portalURL"; known keys: portalUrl, defaultCurrency, defaultLocale, invoiceNumberFormat/
    );
  });

  it.each([
    ['portalUrl', 'portal.firm.example', /"portalUrl": must be an absolute http\(s\) URL/],
    ['portalUrl', 'ftp://portal.firm.example', /"portalUrl"/],
    ['defaultCurrency', 'eur', /"defaultCurrency": must be a three-letter ISO 4217 code/],
    ['defaultCurrency', 'EURO', /"defaultCurrency"/],
    ['defaultLocale', 'not a locale!', /"defaultLocale": must be a BCP 47 locale/],
    ['defaultLocale', 42, /"defaultLocale"/],
    ['invoiceNumberFormat', 'INV-{SEQ}', /"invoiceNumberFormat": must contain \{YYYY\} or \{YY\}/],
    ['invoiceNumberFormat', 'INV-{YYYY}', /"invoiceNumberFormat": must contain exactly one \{SEQ\}/],
    ['invoiceNumberFormat', 'INV-{YYYY}-{SEQ}-{DD}', /"invoiceNumberFormat": has an unknown \{token\}/],
    ['contractNumberFormat', 'C {YYYY}/{SEQ}', /"contractNumberFormat": may only contain/],
    ['paymentTermsDays', 0, /"paymentTermsDays": must be a whole number from 1 to 365/],
    ['paymentTermsDays', 14.5, /"paymentTermsDays"/],
    ['invitationTtlHours', 100000, /"invitationTtlHours"/],
  ])('rejects %s = %p', (key, value, message) => {
    expect(() => config.validator({ ...valid, [key]: value })).toThrow(message);
  });
});
