import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { EMAIL_KINDS, renderTemplate, type EmailKind, type EmailVars } from '../../src/email/templates';
import { EMAIL_TEXTS } from '../../src/email/templates/texts';
import { FALLBACK_LANGUAGE, SURFACES, canonicalLocale, catalogues, createCatalogues, defaultCatalogueRoot, findCatalogueRoot, languageOf, type Surface } from '../../src/i18n';
import { DOCUMENT_LABELS, labelsFor } from '../../src/pdf/labels';

const PLUGIN = path.join(__dirname, '..', '..', '..');
const ROOT = path.join(PLUGIN, 'server', 'catalogues');

type Texts = Record<string, string>;

const read = (root: string, language: string, surface: Surface): Texts => JSON.parse(readFileSync(path.join(root, language, `${surface}.json`), 'utf8')) as Texts;

const LANGUAGES = readdirSync(ROOT, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** The key lists the code asks for, surface by surface. */
const KEY_LISTS: Record<Surface, readonly string[]> = { email: EMAIL_TEXTS, documents: DOCUMENT_LABELS };

const PLURAL_FORM = /^(.*)\.(zero|one|two|few|many|other)$/;
/** The base keys English writes in plural forms (`key.one`, `key.other`). */
const pluralBases = (texts: Texts) => new Set(Object.keys(texts).flatMap((key) => (key.endsWith('.other') ? [key.slice(0, -'.other'.length)] : [])));

/**
 * What a language must have: the English keys, except that a plural text has the forms the
 * language's own plural rules name (Polish has `few` and `many`, Japanese only `other`).
 */
const expectedKeys = (english: Texts, language: string) => {
  const bases = pluralBases(english);
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const plain = Object.keys(english).filter((key) => !bases.has(PLURAL_FORM.exec(key)?.[1] ?? ''));
  return [...plain, ...[...bases].flatMap((base) => categories.map((category) => `${base}.${category}`))].sort();
};

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))].sort();

/** The English text a key is checked against: itself, or for a plural form the `other` form. */
const englishFor = (english: Texts, key: string) => {
  const base = PLURAL_FORM.exec(key)?.[1];
  return base !== undefined && pluralBases(english).has(base) ? english[`${base}.other`] : english[key];
};

describe('server message catalogues', () => {
  it('has English, German, and a folder of both surfaces for every language', () => {
    expect(LANGUAGES).toEqual(expect.arrayContaining(['en', 'de']));
    expect(catalogues().languages()).toEqual(LANGUAGES);
    for (const language of LANGUAGES) {
      expect(readdirSync(path.join(ROOT, language)).sort()).toEqual(SURFACES.map((surface) => `${surface}.json`).sort());
    }
  });

  it.each(SURFACES)('%s: the English catalogue has exactly the keys the code asks for', (surface) => {
    expect(Object.keys(read(ROOT, FALLBACK_LANGUAGE, surface)).sort()).toEqual([...KEY_LISTS[surface]].sort());
  });

  const cases = SURFACES.flatMap((surface) => LANGUAGES.map((language) => [surface, language] as const));

  it.each(cases)('%s (%s): every English key, no other, no empty text', (surface, language) => {
    const english = read(ROOT, FALLBACK_LANGUAGE, surface);
    const texts = read(ROOT, language, surface);
    expect(Object.keys(texts).sort()).toEqual(expectedKeys(english, language));
    for (const [key, text] of Object.entries(texts)) {
      expect({ key, type: typeof text }).toEqual({ key, type: 'string' });
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
    }
  });

  it.each(cases)('%s (%s): the same placeholders as English', (surface, language) => {
    const english = read(ROOT, FALLBACK_LANGUAGE, surface);
    const bases = pluralBases(english);
    for (const [key, text] of Object.entries(read(ROOT, language, surface))) {
      // A plural form may leave the count out ("one file"), but no other placeholder.
      const plural = bases.has(PLURAL_FORM.exec(key)?.[1] ?? '');
      const names = (value: string) => placeholders(value).filter((name) => !plural || name !== 'count');
      expect({ key, placeholders: names(text) }).toEqual({ key, placeholders: names(englishFor(english, key) ?? '') });
    }
  });

  it.each(cases)('%s (%s): never names the product a client should not see', (surface, language) => {
    const named = Object.entries(read(ROOT, language, surface)).filter(([, text]) => /clientia|strapi/i.test(text));
    expect(named).toEqual([]);
  });

  it('fills every placeholder a template passes, in every language', () => {
    const portal = 'https://portal.example';
    const vars: EmailVars = {
      invitation: { clientName: 'Northwind', inviteUrl: `${portal}/invite/t`, expiresAt: '2026-12-03T14:00:00Z', invitedBy: 'Ada' },
      password_reset: { resetUrl: `${portal}/reset-password?code=c` },
      sign_in_link: { signInUrl: `${portal}/sign-in/link?token=t` },
      invoice_issued: { invoiceId: 'i', number: 'INV-1', total: { amount: 100, currency: 'EUR' }, dueDate: '2026-12-15' },
      payment_reminder: { invoiceId: 'i', number: 'INV-1', balance: { amount: 100, currency: 'EUR' }, dueDate: '2026-12-15' },
      overdue_reminder: { invoiceId: 'i', number: 'INV-1', balance: { amount: 100, currency: 'EUR' }, dueDate: '2026-12-15' },
      contract_to_sign: { contractId: 'c', number: 'CTR-1', title: 'Services' },
      contract_completed: { contractId: 'c', number: 'CTR-1', title: 'Services', verificationCode: 'A1B2' },
      contract_declined: { contractId: 'c', number: 'CTR-1', title: 'Services', declinedBy: 'Rosa', reason: 'Not now.' },
      contract_reminder: { contractId: 'c', number: 'CTR-1', title: 'Services' },
      contract_withdrawn: { contractId: 'c', number: 'CTR-1', title: 'Services', reason: 'Terms changed.' },
      new_message: { threadId: 't', threadSubject: 'Filing', senderName: 'Ada' },
      new_document: { documentTitle: 'Report', folder: 'Reports' },
    };
    const brand = { firmName: 'Harbor', primaryColor: '#123456', logoUrl: null, supportEmail: 'help@harbor.example', footerText: null, legalText: null, portalUrl: portal };
    for (const language of LANGUAGES) {
      for (const kind of EMAIL_KINDS) {
        for (const [name, sparse] of [['Rosa', vars[kind]], [null, { ...vars[kind], invitedBy: null, folder: null }]] as const) {
          const email = renderTemplate(kind as EmailKind, { ...brand, supportEmail: name ? brand.supportEmail : null }, { email: 'r@x.example', name, locale: language }, sparse as never);
          expect({ kind, language, leftOver: `${email.subject}\n${email.text}\n${email.html}`.match(/\{\w+\}/g) }).toEqual({ kind, language, leftOver: null });
        }
      }
    }
    const labels = labelsFor('de');
    expect(Object.values(labels).filter((value) => typeof value === 'string' && /\{\w+\}/.test(value))).toEqual([]);
    expect(labels.page(2, 3)).toBe('Seite 2 von 3');
  });
});

describe('finding and choosing a language', () => {
  it('finds the catalogues beside the sources and in the package the built bundle sits in', () => {
    expect(defaultCatalogueRoot()).toBe(ROOT);
    expect(findCatalogueRoot(path.join(PLUGIN, 'server', 'src', 'i18n'))).toBe(ROOT);
    expect(findCatalogueRoot(path.join(PLUGIN, 'dist', 'server'))).toBe(ROOT);
    expect(() => findCatalogueRoot(os.tmpdir())).toThrow(/strapi-plugin-clientia/);
  });

  it('keeps the canonical locale and reads the language from its primary subtag', () => {
    expect(canonicalLocale('de_CH')).toBe('de-CH');
    expect(canonicalLocale('EN_us')).toBe('en-US');
    expect(canonicalLocale('not a locale!')).toBe('en');
    expect(canonicalLocale(null)).toBe('en');
    expect(canonicalLocale('  ')).toBe('en');
    expect(languageOf('de_CH')).toBe('de');
    expect(languageOf('de-u-co-phonebk')).toBe('de');
    expect(languageOf('dev')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
  });

  it('writes a language without a catalogue in English, with the locale kept for numbers and dates', () => {
    const t = catalogues().translator('email', 'ja-JP');
    expect(t.language).toBe('en');
    expect(t.locale).toBe('ja-JP');
    expect(t('invoice.view')).toBe('View the invoice');
    expect(labelsFor('fr-FR').invoice).toBe('Invoice');
    expect(labelsFor('de-AT').invoice).toBe('Rechnung');
  });
});

describe('a language added as files', () => {
  let work: string;
  let root: string;

  beforeEach(() => {
    // A copy of the package as Strapi loads it: its package.json, the catalogues, the bundle's folder.
    work = mkdtempSync(path.join(os.tmpdir(), 'catalogues-'));
    writeFileSync(path.join(work, 'package.json'), readFileSync(path.join(PLUGIN, 'package.json')));
    cpSync(ROOT, path.join(work, 'server', 'catalogues'), { recursive: true });
    mkdirSync(path.join(work, 'dist', 'server'), { recursive: true });
    root = findCatalogueRoot(path.join(work, 'dist', 'server'));
  });

  afterEach(() => rmSync(work, { recursive: true, force: true }));

  const write = (language: string, surface: Surface, texts: Texts) => {
    mkdirSync(path.join(root, language), { recursive: true });
    writeFileSync(path.join(root, language, `${surface}.json`), JSON.stringify(texts));
  };

  it('is found from its folder, with English for what it does not say yet', () => {
    expect(createCatalogues(root).languageOf('fr-CA')).toBe('en');
    write('fr', 'email', { 'newMessage.subject': 'Nouveau message : {subject}' });
    write('fr', 'documents', { invoice: 'Facture' });
    const set = createCatalogues(root);
    expect(set.languages()).toEqual([...LANGUAGES, 'fr'].sort());
    expect(set.languageOf('fr_CA')).toBe('fr');
    const t = set.translator('email', 'fr_CA');
    expect([t.language, t.locale]).toEqual(['fr', 'fr-CA']);
    expect(t('newMessage.subject', { subject: 'Dépôt' })).toBe('Nouveau message : Dépôt');
    expect(t('newMessage.action')).toBe('Read the message');
    expect(set.translator('documents', 'fr')('invoice')).toBe('Facture');
    expect(set.translator('documents', 'fr')('statement')).toBe('Statement of account');
    expect(set.translator('email', 'de-DE')('invoice.view')).toBe('Rechnung ansehen');
    expect(() => set.loadAll()).not.toThrow();
  });

  it('ignores files and folders that are not language folders', () => {
    writeFileSync(path.join(root, 'README.md'), 'notes');
    mkdirSync(path.join(root, 'drafts'));
    expect(createCatalogues(root).languages()).toEqual(LANGUAGES);
  });

  it('chooses plural forms by the language’s rules, with the count in its number format', () => {
    write('en', 'email', { ...read(root, 'en', 'email'), 'files.one': 'One file in {folder}', 'files.other': '{count} files in {folder}' });
    write('de', 'email', { ...read(root, 'de', 'email'), 'files.one': 'Eine Datei in {folder}', 'files.other': '{count} Dateien in {folder}' });
    write('pl', 'email', { 'files.one': '{count} plik w {folder}', 'files.few': '{count} pliki w {folder}', 'files.many': '{count} plików w {folder}' });
    const set = createCatalogues(root);
    expect(set.translator('email', 'en').plural('files', 1, { folder: 'Tax' })).toBe('One file in Tax');
    expect(set.translator('email', 'en-US').plural('files', 1200, { folder: 'Tax' })).toBe('1,200 files in Tax');
    expect(set.translator('email', 'de-DE').plural('files', 1200, { folder: 'Steuer' })).toBe('1.200 Dateien in Steuer');
    expect(set.translator('email', 'pl').plural('files', 3, { folder: 'X' })).toBe('3 pliki w X');
    expect(set.translator('email', 'pl').plural('files', 5, { folder: 'X' })).toBe('5 plików w X');
    // A form the language lacks ('other' in this Polish file) comes from English.
    expect(set.translator('email', 'pl').plural('files', 1.5, { folder: 'X' })).toBe('1,5 files in X');
    // Without a catalogue of its own a language reads the English forms by the English rules.
    expect(set.translator('email', 'ja').plural('files', 1, { folder: 'X' })).toBe('One file in X');
  });

  it('fills placeholders once, so braces and dollar signs in a value stay as typed', () => {
    const t = createCatalogues(root).translator('email', 'en');
    expect(t('newMessage.intro', { sender: '{subject} $& $1', subject: 'A' })).toBe('{subject} $& $1 wrote a new message in "A".');
    expect(t('newMessage.intro', { sender: 'Ada' })).toBe('Ada wrote a new message in "{subject}".');
  });

  it('refuses a broken catalogue and a folder without English', () => {
    writeFileSync(path.join(root, 'de', 'email.json'), '{ "layout.greeting": ');
    expect(() => createCatalogues(root).loadAll()).toThrow(/de\/email\.json is not valid JSON/);
    writeFileSync(path.join(root, 'de', 'email.json'), JSON.stringify({ 'layout.greeting': 42 }));
    expect(() => createCatalogues(root).loadAll()).toThrow(/"layout\.greeting" is not a text/);
    rmSync(path.join(root, 'en'), { recursive: true });
    expect(() => createCatalogues(root).languages()).toThrow(/no en\/ folder/);
  });
});
