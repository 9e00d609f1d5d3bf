import { crc32, deflateSync } from 'node:zlib';

import { PDFDocument, StandardFonts } from 'pdf-lib';

import { lineTotals } from '../../src/domain/money';
import {
  buildInvoicePdf,
  taxGroups,
  type BilledClient,
  type FirmOnDocuments,
  type InvoiceLineOnDocument,
  type InvoiceOnDocument,
} from '../../src/billing/invoice-pdf';
import { dayBefore, documentFormats, fractionDigitsOf, plainSeparators } from '../../src/pdf/formats';
import { canonicalLocale, languageOf } from '../../src/i18n';
import { itWithPoppler, pdfInfo, pdfText, pdfWords } from '../helpers/poppler';

const A4 = '595.28 x 841.89';

/** Collapses runs of whitespace (including no-break spaces) so text can be matched however pdftotext laid it out. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

const pngChunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, checksum]);
};

/** A 2x2 RGBA PNG: red, blue / green, transparent white. */
const tinyPng = () => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const scanlines = Buffer.from([0, 255, 0, 0, 255, 0, 0, 255, 255, 0, 0, 255, 0, 255, 255, 255, 255, 0]);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', header),
      pngChunk('IDAT', deflateSync(scanlines)),
      pngChunk('IEND', Buffer.alloc(0)),
    ]),
  );
};

const firm: FirmOnDocuments = {
  name: 'Northwind Legal',
  address: 'Northwind Legal Partnerschaft mbB\nKönigsallee 12\n40212 Düsseldorf\nGermany',
  taxId: 'DE123456789',
  email: 'billing@northwind.example',
  website: 'https://portal.northwind.example',
  primaryColor: '#0B5FFF',
  logo: null,
  paymentInstructions: 'Bank: Rheinische Bank\nIBAN DE89 3704 0044 0532 0130 00\nBIC COBADEFFXXX',
  footer: 'Northwind Legal Partnerschaft mbB, registered at Amtsgericht Essen PR 1234. Managing partners: Anna Weber, Jonas Becker.',
};

const client: BilledClient = {
  name: 'Contoso GmbH',
  legalName: 'Contoso Beratung GmbH',
  billingAddress: 'Attn. Accounts payable\nHafenstraße 7\n20457 Hamburg',
  taxId: 'DE987654321',
  email: 'ap@contoso.example',
};

/** A line priced the way the billing rules price it, so the totals are the ones an invoice would carry. */
const line = (description: string, quantity: number, unitPrice: number, taxRate: number): InvoiceLineOnDocument => ({
  description,
  quantity,
  unitPrice,
  taxRate,
  amount: Number(lineTotals({ description, quantity, unitPrice, taxRate }).net),
});

const invoiceOf = (lines: InvoiceLineOnDocument[], extra: Partial<InvoiceOnDocument> = {}): InvoiceOnDocument => {
  const subtotal = lines.reduce((sum, item) => sum + item.amount, 0);
  const tax = lines.reduce((sum, item) => sum + Number(lineTotals(item).tax), 0);
  const paid = extra.paid ?? 0;
  return {
    number: 'INV-2026-0042',
    state: 'issued',
    issueDate: '2026-11-30',
    dueDate: '2026-12-14',
    periodStart: '2026-11-01',
    periodEnd: '2026-12-01',
    currency: 'EUR',
    lines,
    subtotal,
    tax,
    total: subtotal + tax,
    paid,
    balance: subtotal + tax - paid,
    notes: 'Thank you for your business. Hours beyond the retainer are itemised on the attached report.',
    ...extra,
  };
};

const retainerInvoice = (extra: Partial<InvoiceOnDocument> = {}) => invoiceOf([line('Legal advice retainer, November 2026', 1, 150000, 19)], extra);

const build = (invoice: InvoiceOnDocument, locale = 'en-US', firmExtra: Partial<FirmOnDocuments> = {}, clientExtra: Partial<BilledClient> = {}) =>
  buildInvoicePdf({ firm: { ...firm, ...firmExtra }, client: { ...client, ...clientExtra }, invoice, locale });

/** The text as laid out on the page, so a label and its value read as one line. */
const textOf = async (bytes: Uint8Array) => flat(await pdfText(bytes, { layout: true }));

/** pdftotext's boxes reach a little past a right-aligned word's advance width. */
const RIGHT_TOLERANCE = 2;

describe('money and dates for documents', () => {
  const helveticaChars = async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const set = new Set(font.getCharacterSet());
    return (text: string) => [...text].every((char) => set.has(char.codePointAt(0)!));
  };

  it('knows how many minor units a currency has', () => {
    expect(fractionDigitsOf('EUR')).toBe(2);
    expect(fractionDigitsOf('JPY')).toBe(0);
    expect(fractionDigitsOf('KWD')).toBe(3);
    expect(fractionDigitsOf('not a currency')).toBe(2);
  });

  it('formats minor units in the locale, with plain spaces and minus signs', async () => {
    const canDraw = await helveticaChars();
    expect(documentFormats('en-US', 'EUR', canDraw).money(178500)).toBe('€1,785.00');
    expect(documentFormats('de-DE', 'EUR', canDraw).money(178500)).toBe('1.785,00 €');
    expect(documentFormats('en-US', 'JPY', canDraw).money(150000)).toBe('¥150,000');
    expect(documentFormats('en-US', 'KWD', canDraw).money(1234567)).toBe('KWD 1,234.567');
    expect(documentFormats('fr-FR', 'EUR', canDraw).money(123456789)).toBe('1 234 567,89 €');
    expect(documentFormats('sv-SE', 'EUR', canDraw).money(-5000)).toBe('-50,00 €');
    expect(documentFormats('en-US', 'EUR', canDraw).money(-5000)).toBe('-€50.00');
    expect(plainSeparators('\u2212 1\u202f234\u00a0€\u200f')).toBe('- 1 234 €');
  });

  it('falls back to Latin digits and currency codes where the locale writes what the font lacks', async () => {
    const canDraw = await helveticaChars();
    const arabic = documentFormats('ar-EG', 'KWD', canDraw).money(1234567);
    expect(canDraw(arabic)).toBe(true);
    expect(arabic).toContain('1');
    expect(arabic).toContain('KWD');
    expect(canDraw(documentFormats('ru-RU', 'RUB', canDraw).money(100))).toBe(true);
    expect(documentFormats('ru-RU', 'EUR', canDraw).date('2026-12-14')).toBe('14.12.2026');
    expect(documentFormats('en-US', 'EUR', canDraw).date('2026-12-14')).toBe('Dec 14, 2026');
    expect(documentFormats('de-DE', 'EUR', canDraw).date('2026-12-14')).toBe('14.12.2026');
    expect(documentFormats('en-US', 'EURO', canDraw).money(100)).toBe('1.00 EURO');
  });

  it('treats dates as calendar days, not instants', async () => {
    const canDraw = await helveticaChars();
    const formats = documentFormats('en-US', 'EUR', canDraw);
    expect(formats.date('2026-01-01')).toBe('Jan 1, 2026');
    expect(formats.date('2026-02-30')).toBe('2026-02-30');
    expect(formats.date('soon')).toBe('soon');
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
  });

  it('reads the language from the locale', () => {
    expect(languageOf('de')).toBe('de');
    expect(languageOf('de-AT')).toBe('de');
    expect(languageOf('DE_ch')).toBe('de');
    expect(languageOf('en-GB')).toBe('en');
    expect(languageOf('fr')).toBe('en');
    expect(languageOf('dev')).toBe('en');
    expect(canonicalLocale('en_us')).toBe('en-US');
    expect(canonicalLocale('not a locale!')).toBe('en');
  });
});

describe('taxGroups', () => {
  it('adds up the tax per rate, each line rounded on its own', () => {
    const invoice = invoiceOf([line('A', 1, 1005, 19), line('B', 3, 333, 7), line('C', 1, 2000, 19)]);
    expect(taxGroups(invoice)).toEqual([
      { rate: 7, tax: 70 },
      { rate: 19, tax: 191 + 380 },
    ]);
  });

  it('shows the invoice tax as one line when the breakdown does not add up to it', () => {
    const invoice = invoiceOf([line('A', 1, 1000, 19), line('B', 1, 1000, 7)]);
    expect(taxGroups({ ...invoice, tax: invoice.tax + 1 })).toEqual([{ rate: null, tax: invoice.tax + 1 }]);
    expect(taxGroups({ lines: [], tax: 0 })).toEqual([{ rate: null, tax: 0 }]);
  });
});

describe('buildInvoicePdf', () => {
  itWithPoppler('prints the invoice a client can read and pay', async () => {
    const bytes = await build(retainerInvoice());
    const info = await pdfInfo(bytes, { pageSizes: true });
    expect(info.warnings).toBe('');
    expect(info.pages).toBe(1);
    expect(info.pageSizes).toEqual([A4]);
    expect(info.fields.Title).toBe('Invoice INV-2026-0042');
    expect(info.fields.Author).toBe('Northwind Legal');
    expect(info.fields.Producer).toBe('Northwind Legal');
    expect(info.fields.Creator).toBe('Northwind Legal');

    const text = await textOf(bytes);
    for (const expected of [
      'Invoice INV-2026-0042',
      'Northwind Legal',
      'Königsallee 12',
      'Tax ID: DE123456789',
      'billing@northwind.example',
      'https://portal.northwind.example',
      'Bill to',
      'Contoso GmbH',
      'Contoso Beratung GmbH',
      'Hafenstraße 7',
      'Tax ID: DE987654321',
      'Issue date Nov 30, 2026',
      'Due date Dec 14, 2026',
      // The period ends the day before its exclusive end.
      'Service period Nov 1, 2026 – Nov 30, 2026',
      'Legal advice retainer, November 2026',
      'Description Qty Unit price Tax Amount',
      '1 €1,500.00 19 % €1,500.00',
      'Subtotal €1,500.00',
      'Tax 19 % €285.00',
      'Total €1,785.00',
      'Balance due €1,785.00',
      'Thank you for your business.',
      'Payment instructions',
      'IBAN DE89 3704 0044 0532 0130 00',
      'BIC COBADEFFXXX',
      'Amtsgericht Essen PR 1234',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(expected);
    }
    // Nothing paid yet: no paid line, and no badge on an issued invoice.
    expect(text).not.toMatch(/\bPaid\b/);
    expect(text).not.toMatch(/DRAFT|VOID|PAID/);
  });

  itWithPoppler('never names the software, in the text or the metadata', async () => {
    const bytes = await build(retainerInvoice({ state: 'paid', paid: 178500, balance: 0 }), 'en-US', { logo: { bytes: tinyPng(), mime: 'image/png' } });
    const text = await pdfText(bytes);
    const info = await pdfInfo(bytes);
    const document = await PDFDocument.load(bytes, { updateMetadata: false });
    const metadata = [document.getTitle(), document.getAuthor(), document.getCreator(), document.getProducer(), document.getSubject(), document.getKeywords()];
    const raw = Buffer.from(bytes).toString('latin1');
    for (const name of [/clientia/i, /strapi/i, /pdf-lib/i]) {
      expect(text).not.toMatch(name);
      expect(JSON.stringify(info.fields)).not.toMatch(name);
      expect(metadata.join(' ')).not.toMatch(name);
      expect(raw).not.toMatch(name);
    }
  });

  itWithPoppler('writes German labels, dates and amounts for a German locale', async () => {
    const bytes = await build(retainerInvoice({ paid: 50000, balance: 128500, state: 'partially_paid' }), 'de-DE');
    const text = await textOf(bytes);
    for (const expected of [
      'Rechnung INV-2026-0042',
      'Rechnungsempfänger',
      'Steuernummer: DE987654321',
      'Rechnungsdatum 30.11.2026',
      'Fällig am 14.12.2026',
      'Leistungszeitraum 01.11.2026 – 30.11.2026',
      'Beschreibung Menge Einzelpreis Steuer Betrag',
      'Zwischensumme 1.500,00 €',
      'Steuer 19 % 285,00 €',
      'Gesamt 1.785,00 €',
      'Bezahlt 500,00 €',
      'Offener Betrag 1.285,00 €',
      'Anmerkungen',
      'Zahlungsinformationen',
      'Seite 1 von 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(await textOf(await build(retainerInvoice(), 'de'))).toContain('Offener Betrag 1.785,00 €');
    // Other languages read English labels with their own number format.
    const french = await textOf(await build(retainerInvoice(), 'fr-FR'));
    expect(french).toContain('Balance due 1 785,00 €');
    expect(french).toContain('Due date 14 déc. 2026');
  });

  itWithPoppler('marks drafts, void and paid invoices', async () => {
    const draft = await textOf(await build(retainerInvoice({ state: 'draft', issueDate: null, dueDate: null })));
    expect(draft).toContain('Invoice INV-2026-0042 DRAFT');
    expect(draft).not.toContain('Issue date');
    expect(draft).not.toContain('Due date');

    const voided = await textOf(await build(retainerInvoice({ state: 'void' })));
    expect(voided).toContain('Invoice INV-2026-0042 VOID');
    // A void invoice is not to be paid.
    expect(voided).not.toContain('Payment instructions');

    const paid = await textOf(await build(retainerInvoice({ state: 'paid', paid: 178500, balance: 0 })));
    expect(paid).toContain('Invoice INV-2026-0042 PAID');
    expect(paid).toContain('Paid €1,785.00');
    expect(paid).toContain('Balance due €0.00');

    expect(await textOf(await build(retainerInvoice({ state: 'draft' }), 'de-DE'))).toContain('Rechnung INV-2026-0042 ENTWURF');
    expect(await textOf(await build(retainerInvoice({ state: 'void' }), 'de-DE'))).toContain('Rechnung INV-2026-0042 STORNIERT');
    expect(await textOf(await build(retainerInvoice({ state: 'overdue' }), 'en-US'))).toContain('Invoice INV-2026-0042 OVERDUE');
  });

  itWithPoppler('prints a credit note as one: its own title, the invoice it corrects, no payment asked for', async () => {
    const creditLine = line('Travel, charged twice', 1, -8640, 19);
    const applied = invoiceOf([creditLine], { kind: 'credit_note', number: 'CN-2026-0001', corrects: 'INV-2026-0042', dueDate: null, periodStart: null, periodEnd: null, notes: null });
    const used = await textOf(await build({ ...applied, state: 'paid', credited: applied.total, balance: 0 }));
    expect(used).toContain('Credit note CN-2026-0001');
    expect(used).not.toContain('PAID');
    expect(used).toContain('Credit note number CN-2026-0001');
    expect(used).toContain('Corrects invoice INV-2026-0042');
    expect(used).toContain('Total -€102.82');
    expect(used).not.toContain('Balance due');
    expect(used).not.toContain('Payment instructions');

    // Credited against a paid invoice, the amount stays with the client.
    const left = await textOf(await build({ ...applied, credited: 0, balance: applied.total }, 'de-DE'));
    expect(left).toContain('Gutschrift CN-2026-0001');
    expect(left).toContain('Korrigiert Rechnung INV-2026-0042');
    expect(left).toContain('Guthaben 102,82 €');

    const corrected = await textOf(await build(retainerInvoice({ credited: 10282, balance: 178500 - 10282 })));
    expect(corrected).toContain('Credited €102.82');
    expect(corrected).toContain('Balance due €1,682.18');
  });

  itWithPoppler('groups the tax per rate', async () => {
    const invoice = invoiceOf([line('Advice', 10, 25000, 19), line('Court fees (reduced rate)', 1, 10000, 7), line('Travel', 1, 4550, 19), line('Filing fee', 1, 3000, 0)]);
    const text = await textOf(await build(invoice));
    expect(text).toContain('Tax 0 % €0.00');
    expect(text).toContain('Tax 7 % €7.00');
    expect(text).toContain('Tax 19 % €483.65');
    expect(text).toContain(`Total €${(invoice.total / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
    expect(invoice.tax).toBe(700 + 48365);

    const reduced = await textOf(await build(invoiceOf([line('Books', 2, 1999, 7.5)]), 'de-DE'));
    expect(reduced).toContain('Steuer 7,5 % 3,00 €');
  });

  itWithPoppler('prints amounts in the currency’s own minor units', async () => {
    const yen = await textOf(await build(invoiceOf([line('Consultation', 2, 15000, 10)], { currency: 'JPY' })));
    expect(yen).toContain('2 ¥15,000 10 % ¥30,000');
    expect(yen).toContain('Tax 10 % ¥3,000');
    expect(yen).toContain('Balance due ¥33,000');

    const dinar = await textOf(await build(invoiceOf([line('Consultation', 1, 1234567, 0)], { currency: 'KWD' })));
    expect(dinar).toContain('Balance due KWD 1,234.567');
    const dinarDe = await textOf(await build(invoiceOf([line('Consultation', 1, 1234567, 0)], { currency: 'KWD' }), 'de-DE'));
    expect(dinarDe).toContain('Offener Betrag 1.234,567 KWD');
  });

  itWithPoppler('flows many lines onto further pages with the table header on each', async () => {
    const longDescription =
      'Review of the shareholder agreement, the articles of association and all side letters, with a written memorandum on ' +
      'drag-along and tag-along rights, pre-emption rights, deadlock resolution and the exit waterfall for the Series B round';
    const lines = Array.from({ length: 60 }, (_, index) =>
      line(index === 7 ? longDescription : `Work item ${String(index + 1).padStart(2, '0')}: document review`, 1.5, 12000 + index, index % 3 === 0 ? 7 : 19),
    );
    const invoice = invoiceOf(lines);
    const bytes = await build(invoice);
    const info = await pdfInfo(bytes, { pageSizes: true });
    expect(info.warnings).toBe('');
    expect(info.pages).toBeGreaterThanOrEqual(3);
    expect(info.pageSizes.every((size) => size === A4)).toBe(true);

    const pages = await Promise.all(Array.from({ length: info.pages }, (_, index) => pdfText(bytes, { first: index + 1, last: index + 1 })));
    pages.forEach((page, index) => {
      const text = flat(page);
      expect(text).toContain('Description Qty Unit price Tax Amount');
      expect(text).toContain(`Page ${index + 1} of ${info.pages}`);
      expect(text).toContain('Amtsgericht Essen');
      if (index > 0) expect(text).toContain('Invoice INV-2026-0042 (continued)');
    });
    const all = flat(pages.join('\n'));
    lines.forEach((item, index) => {
      if (index !== 7) expect(pages.filter((page) => page.includes(item.description))).toHaveLength(1);
    });
    // The long description wraps onto several lines of the one page it is on.
    expect(all).toContain(longDescription);
    expect(pages.some((page) => page.split('\n').some((row) => row.includes(longDescription)))).toBe(false);
    expect(flat(pages.at(-1)!)).toContain(`Balance due €${(invoice.balance / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);

    const words = await pdfWords(bytes);
    for (const word of words) {
      expect(word.xMin).toBeGreaterThanOrEqual(50 - 0.5);
      expect(word.xMax).toBeLessThanOrEqual(word.pageWidth - 50 + RIGHT_TOLERANCE);
    }
  });

  itWithPoppler('keeps huge amounts, long names and foreign scripts on the page without failing', async () => {
    const invoice = invoiceOf([line('Дмитрий 山田 👍 — settlement', 999999, 9999999, 19)], { number: 'INV-' + 'X'.repeat(80) });
    const bytes = await build(invoice, 'en-US', { name: 'Kancelaria Łódź '.repeat(6).trim(), primaryColor: '#ffffff' }, { name: 'Żabka Sp. z o.o.' });
    expect((await pdfInfo(bytes)).warnings).toBe('');
    const text = await textOf(bytes);
    expect(text).toContain('Zabka Sp. z o.o.');
    expect(text).toContain('Kancelaria Lódz');
    expect(text).toContain('??????? ?? ? — settlement');
    for (const word of await pdfWords(bytes)) {
      expect(word.xMin).toBeGreaterThanOrEqual(50 - 0.5);
      expect(word.xMax).toBeLessThanOrEqual(word.pageWidth - 50 + RIGHT_TOLERANCE);
    }
    // The metadata title is Unicode text, not drawn, so it keeps the number whole.
    expect((await PDFDocument.load(bytes, { updateMetadata: false })).getTitle()).toBe(`Invoice ${invoice.number}`);
  });

  itWithPoppler('draws the logo, and leaves out a logo that is not an image', async () => {
    const withLogo = await build(retainerInvoice(), 'en-US', { logo: { bytes: tinyPng(), mime: 'image/png' } });
    expect(Buffer.from(withLogo).toString('latin1')).toContain('/Subtype /Image');
    expect((await pdfInfo(withLogo)).warnings).toBe('');
    // With a logo the firm's name still stands in the letterhead.
    expect(await textOf(withLogo)).toContain('Northwind Legal');

    // The bytes decide, not the declared type.
    const mislabelled = await build(retainerInvoice(), 'en-US', { logo: { bytes: tinyPng(), mime: 'image/jpeg' } });
    expect(Buffer.from(mislabelled).toString('latin1')).toContain('/Subtype /Image');

    for (const bytes of [new TextEncoder().encode('definitely not a picture'), tinyPng().slice(0, 30), new Uint8Array([0xff, 0xd8, 0xff, 0x00, 1, 2, 3, 4, 5]), new Uint8Array()]) {
      const without = await build(retainerInvoice(), 'en-US', { logo: { bytes, mime: 'image/png' } });
      expect(Buffer.from(without).toString('latin1')).not.toContain('/Subtype /Image');
      expect(await textOf(without)).toContain('Balance due €1,785.00');
    }
  });

  it('gives the same bytes for the same invoice, whatever the clock says', async () => {
    const invoice = retainerInvoice();
    const logo = { bytes: tinyPng(), mime: 'image/png' as const };
    const first = await build(invoice, 'en-US', { logo });
    jest.useFakeTimers({ now: new Date('2031-05-05T05:05:05Z'), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout', 'queueMicrotask'] });
    let second: Uint8Array;
    try {
      second = await build(invoice, 'en-US', { logo });
    } finally {
      jest.useRealTimers();
    }
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    // A logo read from disk arrives as a Buffer: the same bytes, the same file.
    const fromBuffer = await build(invoice, 'en-US', { logo: { ...logo, bytes: Buffer.from(logo.bytes) } });
    expect(Buffer.from(fromBuffer).equals(Buffer.from(first))).toBe(true);
    const changed = await build({ ...invoice, notes: 'Another note.' }, 'en-US', { logo });
    expect(Buffer.from(changed).equals(Buffer.from(first))).toBe(false);
  });

  it('dates the file by the invoice and identifies it by its number and content', async () => {
    const document = await PDFDocument.load(await build(retainerInvoice()), { updateMetadata: false });
    expect(document.getCreationDate()?.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(document.getModificationDate()?.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    const [permanent, revision] = String(document.context.trailerInfo.ID).match(/<[0-9A-F]{32}>/g) ?? [];

    const edited = await PDFDocument.load(await build(retainerInvoice({ notes: 'Edited.' })), { updateMetadata: false });
    const [samePermanent, otherRevision] = String(edited.context.trailerInfo.ID).match(/<[0-9A-F]{32}>/g) ?? [];
    expect(samePermanent).toBe(permanent);
    expect(otherRevision).not.toBe(revision);

    const draft = await PDFDocument.load(await build(retainerInvoice({ state: 'draft', issueDate: null })), { updateMetadata: false });
    expect(draft.getCreationDate()?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });
});
