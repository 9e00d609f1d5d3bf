import { PDFDocument } from 'pdf-lib';

import { buildStatementPdf, runningBalances, type StatementEntry, type StatementOnDocument } from '../../src/billing/statement-pdf';
import type { BilledClient, FirmOnDocuments } from '../../src/pdf/letterhead';
import { itWithPoppler, pdfInfo, pdfText, pdfWords } from '../helpers/poppler';

/** Collapses runs of whitespace (including no-break spaces) so text can be matched however pdftotext laid it out. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The text as laid out on the page, so a row of the table reads as one line. */
const textOf = async (bytes: Uint8Array, pages: { first?: number; last?: number } = {}) => flat(await pdfText(bytes, { ...pages, layout: true }));

const firm: FirmOnDocuments = {
  name: 'Northwind Legal',
  address: 'Königsallee 12\n40212 Düsseldorf',
  taxId: 'DE123456789',
  email: 'billing@northwind.example',
  website: 'https://portal.northwind.example',
  primaryColor: '#7A1F5C',
  logo: null,
  paymentInstructions: 'IBAN DE89 3704 0044 0532 0130 00\nBIC COBADEFFXXX',
  footer: 'Northwind Legal Partnerschaft mbB, Amtsgericht Essen PR 1234.',
};

const client: BilledClient = {
  name: 'Contoso GmbH',
  legalName: null,
  billingAddress: 'Hafenstraße 7\n20457 Hamburg',
  taxId: null,
  email: 'ap@contoso.example',
};

const entries: StatementEntry[] = [
  { date: '2026-09-30', kind: 'invoice', reference: 'INV-2026-0031', description: 'Retainer September 2026', amount: 178500 },
  { date: '2026-10-12', kind: 'payment', reference: 'PAY-0107', description: 'Bank transfer', amount: -178500 },
  { date: '2026-10-31', kind: 'invoice', reference: 'INV-2026-0036', description: 'Retainer October 2026', amount: 178500 },
  { date: '2026-11-20', kind: 'payment', reference: 'PAY-0118', description: null, amount: -50000 },
  { date: '2026-11-30', kind: 'invoice', reference: 'INV-2026-0042', description: 'Retainer November 2026', amount: 178500 },
];

const statement: StatementOnDocument = {
  asOf: '2026-12-20',
  currency: 'EUR',
  openInvoices: [
    { number: 'INV-2026-0036', issueDate: '2026-10-31', dueDate: '2026-11-14', total: 178500, paid: 50000, balance: 128500, overdue: true },
    { number: 'INV-2026-0042', issueDate: '2026-11-30', dueDate: '2026-12-28', total: 178500, paid: 0, balance: 178500, overdue: false },
  ],
  entries,
  balance: 307000,
};

const build = (extra: Partial<StatementOnDocument> = {}, locale = 'en-US', firmExtra: Partial<FirmOnDocuments> = {}) =>
  buildStatementPdf({ firm: { ...firm, ...firmExtra }, client, statement: { ...statement, ...extra }, locale });

describe('runningBalances', () => {
  it('gives the balance after each entry, ending at the statement balance', () => {
    const { opening, lines } = runningBalances(statement);
    expect(opening).toBe(0);
    expect(lines.map((line) => line.balance)).toEqual([178500, 0, 178500, 128500, 307000]);
  });

  it('starts from an opening balance when the entries do not explain all of it', () => {
    const { opening, lines } = runningBalances({ entries: entries.slice(2), balance: 307000 });
    expect(opening).toBe(0);
    expect(runningBalances({ entries: entries.slice(3), balance: 307000 }).opening).toBe(178500);
    expect(lines.at(-1)!.balance).toBe(307000);
    expect(runningBalances({ entries: [], balance: 1000 })).toEqual({ opening: 1000, lines: [] });
  });
});

describe('buildStatementPdf', () => {
  itWithPoppler('lists open invoices, the account activity with a running balance and what is owed', async () => {
    const bytes = await build();
    const info = await pdfInfo(bytes, { pageSizes: true });
    expect(info.warnings).toBe('');
    expect(info.pages).toBe(1);
    expect(info.pageSizes).toEqual(['595.28 x 841.89']);
    expect(info.fields.Title).toBe('Statement of account – Contoso GmbH (2026-12-20)');
    expect(info.fields.Producer).toBe('Northwind Legal');

    const text = await textOf(bytes);
    for (const expected of [
      'Northwind Legal',
      'Statement of account',
      'As of Dec 20, 2026',
      'Contoso GmbH',
      'Hafenstraße 7',
      'Balance due €3,070.00',
      'Open invoices',
      'Number Issue date Due date Status Total Paid Balance',
      'INV-2026-0036 Oct 31, 2026 Nov 14, 2026 Overdue €1,785.00 €500.00 €1,285.00',
      'INV-2026-0042 Nov 30, 2026 Dec 28, 2026 €1,785.00 €0.00 €1,785.00',
      'Account activity',
      'Date Type Reference Description Amount Balance',
      'Sep 30, 2026 Invoice INV-2026-0031 Retainer September 2026 €1,785.00 €1,785.00',
      'Oct 12, 2026 Payment PAY-0107 Bank transfer -€1,785.00 €0.00',
      'Nov 20, 2026 Payment PAY-0118 -€500.00 €1,285.00',
      'Nov 30, 2026 Invoice INV-2026-0042 Retainer November 2026 €1,785.00 €3,070.00',
      'Dec 20, 2026 Closing balance €3,070.00',
      'Payment instructions',
      'IBAN DE89 3704 0044 0532 0130 00',
      'Amtsgericht Essen PR 1234.',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Opening balance');
    for (const name of [/clientia/i, /strapi/i]) {
      expect(text).not.toMatch(name);
      expect(JSON.stringify(info.fields)).not.toMatch(name);
    }
  });

  itWithPoppler('speaks German for a German locale', async () => {
    const text = await textOf(await build({}, 'de-DE'));
    for (const expected of [
      'Kontoauszug',
      'Stand 20.12.2026',
      'Rechnungsempfänger',
      'Offener Betrag 3.070,00 €',
      'Offene Rechnungen',
      'Nummer Rechnungsdatum Fällig am Status Gesamt Bezahlt Saldo',
      'INV-2026-0036 31.10.2026 14.11.2026 Überfällig 1.785,00 € 500,00 € 1.285,00 €',
      'Kontobewegungen',
      'Datum Art Referenz Beschreibung Betrag Saldo',
      '12.10.2026 Zahlung PAY-0107 Bank transfer -1.785,00 € 0,00 €',
      '30.11.2026 Rechnung INV-2026-0042 Retainer November 2026 1.785,00 € 3.070,00 €',
      '20.12.2026 Endsaldo 3.070,00 €',
      'Zahlungsinformationen',
      'Seite 1 von 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  itWithPoppler('shows an opening balance when the activity starts later', async () => {
    const text = await textOf(await build({ entries: entries.slice(3) }));
    expect(text).toContain('Opening balance €1,785.00');
    expect(text).toContain('Nov 20, 2026 Payment PAY-0118 -€500.00 €1,285.00');
    expect(text).toContain('Closing balance €3,070.00');
  });

  itWithPoppler('says so when nothing is open, and shows a credit as a credit', async () => {
    const settled = await textOf(await build({ openInvoices: [], entries: [], balance: 0 }));
    expect(settled).toContain('No open invoices.');
    expect(settled).toContain('No account activity.');
    expect(settled).toContain('Balance due €0.00');
    // Nothing to pay, nothing to explain how to pay.
    expect(settled).not.toContain('Payment instructions');

    const credit = await textOf(await build({ openInvoices: [], entries: [{ date: '2026-12-01', kind: 'payment', reference: 'PAY-0120', description: 'Overpayment', amount: -2500 }], balance: -2500 }));
    expect(credit).toContain('Credit balance €25.00');
    expect(credit).toContain('Closing balance -€25.00');
  });

  itWithPoppler('names a credit note as one among the entries', async () => {
    const text = await textOf(
      await build({
        openInvoices: [],
        entries: [
          { date: '2026-12-01', kind: 'invoice', reference: 'INV-2026-0050', description: null, amount: 20000 },
          { date: '2026-12-03', kind: 'credit_note', reference: 'CN-2026-0004', description: null, amount: -20000 },
        ],
        balance: 0,
      }),
    );
    expect(text).toMatch(/Invoice\s+INV-2026-0050/);
    expect(text).toMatch(/Credit note\s+CN-2026-0004\s+-€200\.00\s+€0\.00/);
  });

  itWithPoppler('prints yen and dinar amounts in their own minor units', async () => {
    const yen = await textOf(
      await build({
        currency: 'JPY',
        openInvoices: [{ number: 'INV-7', issueDate: '2026-12-01', dueDate: '2026-12-15', total: 33000, paid: 0, balance: 33000, overdue: false }],
        entries: [{ date: '2026-12-01', kind: 'invoice', reference: 'INV-7', description: null, amount: 33000 }],
        balance: 33000,
      }),
    );
    expect(yen).toContain('Balance due ¥33,000');
    const dinar = await textOf(await build({ currency: 'KWD', openInvoices: [], entries: [], balance: 1234567 }));
    expect(dinar).toContain('Balance due KWD 1,234.567');
  });

  itWithPoppler('flows a long history onto further pages with the table header on each', async () => {
    const history: StatementEntry[] = Array.from({ length: 90 }, (_, index) => ({
      date: new Date(Date.UTC(2024, 0, 1 + index * 7)).toISOString().slice(0, 10),
      kind: index % 2 === 0 ? 'invoice' : 'payment',
      reference: `REF-${String(index + 1).padStart(3, '0')}`,
      description: index === 4 ? 'A description long enough to wrap onto a second and a third line of its narrow column in the table' : `Entry ${index + 1}`,
      amount: index % 2 === 0 ? 10000 : -9000,
    }));
    const balance = history.reduce((sum, entry) => sum + entry.amount, 0);
    const bytes = await build({ entries: history, balance, openInvoices: [] }, 'en-US', { logo: null });
    const info = await pdfInfo(bytes);
    expect(info.warnings).toBe('');
    expect(info.pages).toBeGreaterThanOrEqual(3);
    for (let page = 1; page <= info.pages; page += 1) {
      const text = await textOf(bytes, { first: page, last: page });
      expect(text).toContain(`Page ${page} of ${info.pages}`);
      if (page > 1) expect(text).toContain('Statement of account Dec 20, 2026 (continued)');
      if (page < info.pages) expect(text).toContain('Date Type Reference Description Amount Balance');
    }
    const all = await textOf(bytes);
    history.forEach((entry) => expect(all).toContain(entry.reference));
    expect(all).toContain(`Closing balance €${(balance / 100).toFixed(2)}`);
    for (const word of await pdfWords(bytes)) {
      expect(word.xMin).toBeGreaterThanOrEqual(50 - 0.5);
      expect(word.xMax).toBeLessThanOrEqual(word.pageWidth - 50 + 2);
    }
  });

  it('gives the same bytes for the same statement, whatever the clock says', async () => {
    const first = await build();
    jest.useFakeTimers({ now: new Date('2031-05-05T05:05:05Z'), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout', 'queueMicrotask'] });
    let second: Uint8Array;
    try {
      second = await build();
    } finally {
      jest.useRealTimers();
    }
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(await build({ asOf: '2026-12-21' })).equals(Buffer.from(first))).toBe(false);

    const document = await PDFDocument.load(first, { updateMetadata: false });
    expect(document.getCreationDate()?.toISOString()).toBe('2026-12-20T00:00:00.000Z');
    expect(document.getAuthor()).toBe('Northwind Legal');
  });
});
