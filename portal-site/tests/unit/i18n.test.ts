import { describe, expect, it } from 'vitest';

import { formatter } from '../../src/lib/format';
import { acceptedLanguages, chooseLocale, translator } from '../../src/lib/i18n';
import de from '../../src/lib/i18n/de';
import en from '../../src/lib/i18n/en';

describe('portal languages', () => {
  it('has every English text in German, and no empty text', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries({ ...en, ...de })) expect(text.trim(), key).not.toBe('');
  });

  it("keeps the same placeholders in both languages", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(de[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("never names the product a client should not see", () => {
    for (const text of [...Object.values(en), ...Object.values(de)]) expect(text).not.toMatch(/clientia|strapi/i);
  });

  it("picks the contact's choice, then the browser's languages we speak, then the firm's default", () => {
    expect(chooseLocale('de-CH', 'en-US,en;q=0.9', 'en')).toBe('de-CH');
    expect(chooseLocale(null, 'fr-FR,fr;q=0.9,de;q=0.8,en;q=0.5', 'en')).toBe('de');
    expect(chooseLocale(null, 'fr-FR', 'de')).toBe('de');
    expect(chooseLocale(null, null, 'en-GB')).toBe('en-GB');
    expect(chooseLocale('not a tag!', null, 'en')).toBe('en');
    expect(acceptedLanguages('en;q=0.2, de-AT, *;q=0.1')).toEqual(['de-AT', 'en']);
  });

  it('fills placeholders and chooses plural forms', () => {
    const t = translator('de-DE');
    expect(t.language).toBe('de');
    expect(t('auth.signIn.heading', { firm: 'Harbor & Pine' })).toBe('Bei Harbor & Pine anmelden');
    expect(t.plural('dashboard.unread', 1)).toBe('1 Unterhaltung mit ungelesenen Nachrichten');
    expect(t.plural('dashboard.unread', 3)).toBe('3 Unterhaltungen mit ungelesenen Nachrichten');
    expect(translator('fr').language).toBe('en');
  });
});

describe('formats', () => {
  it("formats money in the currency's minor units and the contact's locale", () => {
    expect(formatter('de-DE').money({ amount: 1498640, currency: 'EUR' })).toBe('14.986,40\u00a0€');
    expect(formatter('en-US').money({ amount: 1498640, currency: 'USD' })).toBe('$14,986.40');
    expect(formatter('en-US').money({ amount: 1500, currency: 'JPY' })).toBe('¥1,500');
  });

  it('keeps calendar dates on their day in every time zone, and shows moments in the client zone', () => {
    expect(formatter('en-GB', 'Pacific/Honolulu').date('2026-12-01')).toBe('1 Dec 2026');
    expect(formatter('en-GB', 'Asia/Tokyo').date('2026-12-01')).toBe('1 Dec 2026');
    expect(formatter('en-GB', 'Europe/Berlin').dateTime('2026-11-29T23:30:00Z')).toBe('30 Nov 2026, 00:30');
    expect(formatter('en-GB', 'Not/AZone').timeZone).toBe('UTC');
  });

  it('formats file sizes and hours', () => {
    expect(formatter('en').fileSize(512)).toBe('512 B');
    expect(formatter('en').fileSize(1536)).toBe('1.5 kB');
    expect(formatter('de').fileSize(5 * 1024 * 1024)).toBe('5 MB');
    expect(formatter('en').hours(3.5)).toBe('3.5 hr');
  });
});
