/**
 * The statement of account: what a client owes on a given day, which invoices are open, and the
 * invoices and payments that led there with a running balance. Pure, like the invoice PDF.
 */
import {
  finishDocument,
  startDocument,
  type DocumentKit,
  type DocumentLocale
} from '../pdf/document';
import { BADGE_COLOURS, clientRuns, drawFacts, factRuns, writeContinuationHeader, writeLetterhead, writeTitle, type BilledClient, type FirmOnDocuments } from '../pdf/letterhead';
import { writeTable, type Column, type Row } from '../pdf/table';
import { Sheet, contentBottom, writeFooters, writeSection } from '../pdf/sheet';
import { CONTENT_WIDTH, LEFT, RIGHT, drawRuns } from '../pdf/pen';


export interface StatementEntry {
  /** YYYY-MM-DD. */
  date: string;
  kind: 'invoice' | 'credit_note' | 'payment';
  reference: string;
  description: string | null;
  /** Minor units; invoices positive, credit notes and payments negative. */
  amount: number;
}

export interface OpenInvoiceOnStatement {
  number: string;
  issueDate: string | null;
  dueDate: string | null;
  total: number;
  paid: number;
  balance: number;
  overdue: boolean;
}

export interface StatementOnDocument {
  /** YYYY-MM-DD. */
  asOf: string;
  currency: string;
  openInvoices: OpenInvoiceOnStatement[];
  /** Chronological, for the running balance column. */
  entries: StatementEntry[];
  /** Minor units: what the client owes. */
  balance: number;
}

interface StatementDocumentInput extends DocumentLocale {
  firm: FirmOnDocuments;
  client: BilledClient;
  statement: StatementOnDocument;
}

interface RunningLine {
  entry: StatementEntry;
  /** The balance after this entry, in minor units. */
  balance: number;
}

/**
 * The entries with the balance after each. The entries need not reach back to the first invoice,
 * so what they do not explain is an opening balance, and the last running balance is always the
 * statement's balance.
 */
export const runningBalances = (statement: Pick<StatementOnDocument, 'entries' | 'balance'>): { opening: number; lines: RunningLine[] } => {
  const movement = statement.entries.reduce((sum, entry) => sum + entry.amount, 0);
  const opening = statement.balance - movement;
  let balance = opening;
  const lines = statement.entries.map((entry) => {
    balance += entry.amount;
    return { entry, balance };
  });
  return { opening, lines };
};

const SUMMARY_WIDTH = 230;

/** The client on the left; what is owed on the right, level with the client's name. */
const writeParties = (sheet: Sheet, kit: DocumentKit, client: BilledClient, statement: StatementOnDocument) => {
  const { pen, styles, labels, formats } = kit;
  const bill = clientRuns(pen, styles, labels, labels.billTo, client, CONTENT_WIDTH - SUMMARY_WIDTH - 30);
  const top = sheet.y;
  const left = drawRuns(sheet.page, pen, bill, LEFT, top);
  const offset = bill.length > 0 ? styles.heading.size * styles.heading.leading : 0;
  const owed = statement.balance < 0 ? labels.credit : labels.balanceDue;
  const due = factRuns(pen, [[owed, formats.money(Math.abs(statement.balance))]], SUMMARY_WIDTH, styles.due, styles.due);
  const right = offset + drawFacts(sheet, due, RIGHT, SUMMARY_WIDTH, top - offset);
  sheet.gap(Math.max(left, right) + 20);
};

const writeHeading = (sheet: Sheet, kit: DocumentKit, heading: string, firstRowHeight: number) => {
  const { styles, pen } = kit;
  const run = pen.fit(heading, styles.heading, CONTENT_WIDTH);
  sheet.ensure(run.style.size * run.style.leading + firstRowHeight);
  sheet.write([run]);
};

/** Room for a table's header and first row, so a heading never stands alone at the bottom of a page. */
const FIRST_ROWS = 40;

const writeOpenInvoices = (sheet: Sheet, kit: DocumentKit, statement: StatementOnDocument) => {
  const { styles, labels, formats, brand } = kit;
  writeHeading(sheet, kit, labels.openInvoices, FIRST_ROWS);
  if (statement.openInvoices.length === 0) {
    sheet.write([{ text: sheet.pen.safe(labels.noOpenInvoices), style: styles.body }]);
    sheet.gap(16);
    return;
  }
  const columns: Column[] = [
    { header: labels.number, width: 0, align: 'left', wrap: true },
    { header: labels.issueDate, width: 68, align: 'left' },
    { header: labels.dueDate, width: 68, align: 'left' },
    { header: labels.status, width: 58, align: 'left' },
    { header: labels.total, width: 74, align: 'right' },
    { header: labels.paid, width: 70, align: 'right' },
    { header: labels.balance, width: 74, align: 'right' },
  ];
  const overdueStyle = { ...styles.cell, bold: true, color: BADGE_COLOURS.warning };
  const rows: Row[] = statement.openInvoices.map((invoice) => ({
    cells: [
      invoice.number,
      invoice.issueDate ? formats.date(invoice.issueDate) : '',
      invoice.dueDate ? formats.date(invoice.dueDate) : '',
      invoice.overdue ? labels.overdue : '',
      formats.money(invoice.total),
      formats.money(invoice.paid),
      formats.money(invoice.balance),
    ],
    cellStyles: invoice.overdue ? [undefined, undefined, overdueStyle, overdueStyle] : undefined,
  }));
  writeTable(sheet, styles, brand, columns, rows);
  sheet.gap(22);
};

const writeActivity = (sheet: Sheet, kit: DocumentKit, statement: StatementOnDocument) => {
  const { styles, labels, formats, brand } = kit;
  writeHeading(sheet, kit, labels.activity, FIRST_ROWS);
  if (statement.entries.length === 0) {
    sheet.write([{ text: sheet.pen.safe(labels.noActivity), style: styles.body }]);
    sheet.gap(16);
    return;
  }
  const columns: Column[] = [
    { header: labels.date, width: 68, align: 'left' },
    { header: labels.type, width: 56, align: 'left' },
    { header: labels.reference, width: 92, align: 'left', wrap: true },
    { header: labels.description, width: 0, align: 'left', wrap: true },
    { header: labels.amount, width: 78, align: 'right' },
    { header: labels.balance, width: 80, align: 'right' },
  ];
  const { opening, lines } = runningBalances(statement);
  const strong = { ...styles.cell, bold: true };
  const rows: Row[] = [];
  if (opening !== 0) rows.push({ cells: ['', '', '', labels.openingBalance, '', formats.money(opening)], style: strong });
  for (const { entry, balance } of lines) {
    rows.push({
      cells: [
        formats.date(entry.date),
        { invoice: labels.invoice, credit_note: labels.creditNote, payment: labels.payment }[entry.kind],
        entry.reference,
        entry.description ?? '',
        formats.money(entry.amount),
        formats.money(balance),
      ],
    });
  }
  rows.push({ cells: [formats.date(statement.asOf), '', '', labels.closingBalance, '', formats.money(statement.balance)], style: strong, ruleAbove: brand });
  writeTable(sheet, styles, brand, columns, rows);
  sheet.gap(22);
};

/** The statement of account as a PDF: A4, Helvetica, labelled in the locale's language (English when there is no catalogue for it). */
export const buildStatementPdf = async (input: StatementDocumentInput): Promise<Uint8Array> => {
  const { firm, client, statement, locale } = input;
  const kit = await startDocument(firm, locale, statement.currency);
  const { document, pen, styles, labels, formats } = kit;
  const title = `${labels.statement} \u2013 ${client.name}`;
  const sheet = new Sheet(document, pen, contentBottom(styles, kit.footer), (next) =>
    writeContinuationHeader(next, styles, firm.name, `${labels.statement} ${formats.date(statement.asOf)} ${labels.continued}`),
  );

  writeLetterhead(sheet, styles, firm, labels, kit.logo);
  writeTitle(sheet, styles, labels.statement, null, `${labels.asOf} ${formats.date(statement.asOf)}`);
  writeParties(sheet, kit, client, statement);
  writeOpenInvoices(sheet, kit, statement);
  writeActivity(sheet, kit, statement);
  if (statement.balance > 0 && firm.paymentInstructions && firm.paymentInstructions.trim()) {
    writeSection(sheet, styles, labels.paymentInstructions, firm.paymentInstructions);
  }
  writeFooters(sheet, styles, labels, kit.footer);

  return finishDocument(kit, {
    title: `${title} (${statement.asOf})`,
    firmName: firm.name,
    date: statement.asOf,
    identity: ['statement', firm.name, client.name],
    content: input,
  });
};
