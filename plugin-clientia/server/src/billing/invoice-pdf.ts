/**
 * The invoice as the client receives it: in the firm's brand, in the client's language and money
 * format. Pure: the same invoice gives the same bytes, so the copy downloaded from the portal and
 * the one attached to the email are the same file.
 */
import type { RGB } from 'pdf-lib';

import {
  finishDocument,
  startDocument,
  type DocumentKit,
  type DocumentLocale
} from '../pdf/document';
import { BADGE_COLOURS, clientRuns, drawFacts, factRuns, writeContinuationHeader, writeLetterhead, writeTitle, type BilledClient, type FirmOnDocuments } from '../pdf/letterhead';
import { writeTable, type Column, type Row } from '../pdf/table';
import { Sheet, contentBottom, writeFooters, writeSection } from '../pdf/sheet';
import { CONTENT_WIDTH, LEFT, MUTED, RIGHT, drawRuns, type TextStyle } from '../pdf/pen';
import type { Labels } from '../pdf/labels';
import { dayBefore } from '../pdf/formats';

export type { BilledClient, FirmOnDocuments } from '../pdf/letterhead';

export interface InvoiceLineOnDocument {
  description: string;
  quantity: number;
  /** Minor units. */
  unitPrice: number;
  /** Percent, e.g. 19 or 7.5. */
  taxRate: number;
  /** Minor units, net. */
  amount: number;
}

export type InvoiceStateOnDocument = 'draft' | 'issued' | 'overdue' | 'partially_paid' | 'paid' | 'void';

export interface InvoiceOnDocument {
  /** An invoice unless said otherwise. */
  kind?: 'invoice' | 'credit_note';
  number: string;
  /** On a credit note: the number of the invoice it corrects. */
  corrects?: string | null;
  state: InvoiceStateOnDocument;
  /** YYYY-MM-DD. */
  issueDate: string | null;
  dueDate: string | null;
  /** Retainer period, YYYY-MM-DD, end exclusive. */
  periodStart: string | null;
  periodEnd: string | null;
  /** ISO 4217. */
  currency: string;
  lines: InvoiceLineOnDocument[];
  /** Minor units. */
  subtotal: number;
  tax: number;
  total: number;
  paid: number;
  /** What credit notes took off an invoice; on a credit note, the part of it used (negative). */
  credited?: number;
  balance: number;
  notes: string | null;
}

interface InvoiceDocumentInput extends DocumentLocale {
  firm: FirmOnDocuments;
  client: BilledClient;
  invoice: InvoiceOnDocument;
}

/** Half away from zero, as the invoice's own tax was rounded. */
const roundedQuotient = (numerator: bigint, denominator: bigint) => {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = (magnitude * 2n + denominator) / (2n * denominator);
  return negative ? -quotient : quotient;
};

interface TaxGroup {
  /** Percent; null for a single line of the invoice's whole tax. */
  rate: number | null;
  tax: number;
}

/**
 * The tax per rate, each line's tax rounded on its own as the invoice computed it. When that does
 * not add up to the invoice's tax (an invoice edited by hand, older rounding), the breakdown would
 * contradict the total below it, so the invoice's tax is shown as one line instead.
 */
export const taxGroups = (invoice: Pick<InvoiceOnDocument, 'lines' | 'tax'>): TaxGroup[] => {
  const byRate = new Map<number, bigint>();
  for (const line of invoice.lines) {
    const basisPoints = BigInt(Math.round(line.taxRate * 100));
    byRate.set(line.taxRate, (byRate.get(line.taxRate) ?? 0n) + roundedQuotient(BigInt(line.amount) * basisPoints, 10_000n));
  }
  const groups = [...byRate.entries()].sort(([a], [b]) => a - b).map(([rate, tax]) => ({ rate, tax: Number(tax) }));
  const sum = groups.reduce((total, group) => total + group.tax, 0);
  if (groups.length === 0 || sum !== invoice.tax) return [{ rate: null, tax: invoice.tax }];
  return groups;
};

const badgeFor = ({ state, kind }: InvoiceOnDocument, labels: Labels) => {
  // A credit note is never due: only whether it is a draft or void is worth a badge.
  if (kind === 'credit_note' && state !== 'draft' && state !== 'void') return null;
  switch (state) {
    case 'draft':
      return { text: labels.draft, color: BADGE_COLOURS.muted };
    case 'void':
      return { text: labels.void, color: BADGE_COLOURS.warning };
    case 'paid':
      return { text: labels.paidBadge, color: BADGE_COLOURS.good };
    case 'overdue':
      return { text: labels.overdueBadge, color: BADGE_COLOURS.warning };
    default:
      return null;
  }
};

const invoiceFacts = ({ formats, labels }: DocumentKit, invoice: InvoiceOnDocument): [string, string][] => {
  const creditNote = invoice.kind === 'credit_note';
  const facts: [string, string][] = [[creditNote ? labels.creditNoteNumber : labels.invoiceNumber, invoice.number]];
  if (creditNote && invoice.corrects) facts.push([labels.corrects, invoice.corrects]);
  if (invoice.issueDate) facts.push([labels.issueDate, formats.date(invoice.issueDate)]);
  if (invoice.dueDate) facts.push([labels.dueDate, formats.date(invoice.dueDate)]);
  if (invoice.periodStart && invoice.periodEnd) {
    facts.push([labels.period, `${formats.date(invoice.periodStart)} \u2013 ${formats.date(dayBefore(invoice.periodEnd))}`]);
  } else if (invoice.periodStart) {
    facts.push([labels.period, formats.date(invoice.periodStart)]);
  }
  return facts;
};

const FACTS_WIDTH = 230;

/** Bill-to on the left, the invoice's number, dates and period on the right. */
const writeParties = (sheet: Sheet, kit: DocumentKit, client: BilledClient, invoice: InvoiceOnDocument) => {
  const { pen, styles, labels } = kit;
  const bill = clientRuns(pen, styles, labels, labels.billTo, client, CONTENT_WIDTH - FACTS_WIDTH - 30);
  const facts = factRuns(pen, invoiceFacts(kit, invoice), FACTS_WIDTH, styles.label, styles.body);
  const top = sheet.y;
  const left = drawRuns(sheet.page, pen, bill, LEFT, top);
  // The facts start one heading line down, level with the client's name.
  const offset = bill.length > 0 ? styles.heading.size * styles.heading.leading : 0;
  const right = offset + drawFacts(sheet, facts, RIGHT, FACTS_WIDTH, top - offset);
  sheet.gap(Math.max(left, right) + 20);
};

const lineColumns = (labels: Labels): Column[] => [
  { header: labels.description, width: 0, align: 'left', wrap: true },
  { header: labels.quantity, width: 48, align: 'right' },
  { header: labels.unitPrice, width: 88, align: 'right' },
  { header: labels.taxRate, width: 46, align: 'right' },
  { header: labels.amount, width: 96, align: 'right' },
];

const lineRows = ({ formats }: DocumentKit, invoice: InvoiceOnDocument): Row[] =>
  invoice.lines.map((line) => ({
    cells: [line.description, formats.quantity(line.quantity), formats.money(line.unitPrice), formats.percent(line.taxRate), formats.money(line.amount)],
  }));

const TOTALS_WIDTH = 250;

/** Subtotal, tax per rate, total, paid and what is still due, right-aligned and kept together. */
const writeTotals = (sheet: Sheet, kit: DocumentKit, invoice: InvoiceOnDocument) => {
  const { pen, styles, labels, formats, brand } = kit;
  type Kind = 'plain' | 'total' | 'due';
  const rows: { label: string; value: string; kind: Kind }[] = [
    { label: labels.subtotal, value: formats.money(invoice.subtotal), kind: 'plain' },
    ...taxGroups(invoice).map((group) => ({
      label: group.rate === null ? labels.tax : `${labels.tax} ${formats.percent(group.rate)}`,
      value: formats.money(group.tax),
      kind: 'plain' as const,
    })),
    { label: labels.total, value: formats.money(invoice.total), kind: 'total' },
  ];
  if (invoice.kind === 'credit_note') {
    // The part used against the invoice is gone from both; what is left is the client's.
    if (invoice.balance < 0) rows.push({ label: labels.credit, value: formats.money(-invoice.balance), kind: 'due' });
  } else {
    if (invoice.paid !== 0) rows.push({ label: labels.paid, value: formats.money(invoice.paid), kind: 'plain' });
    if (invoice.credited) rows.push({ label: labels.credited, value: formats.money(invoice.credited), kind: 'plain' });
    if (invoice.balance < 0) rows.push({ label: labels.credit, value: formats.money(-invoice.balance), kind: 'due' });
    else rows.push({ label: labels.balanceDue, value: formats.money(invoice.balance), kind: 'due' });
  }

  const look: Record<Kind, { label: TextStyle; value: TextStyle; rule: { color: RGB; thickness: number } | null }> = {
    plain: { label: styles.label, value: styles.body, rule: null },
    total: { label: styles.total, value: styles.total, rule: { color: MUTED, thickness: 0.6 } },
    due: { label: styles.due, value: styles.due, rule: { color: brand, thickness: 1 } },
  };
  const RULE_SPACE = 5;
  const placed = rows.map((row) => {
    const { label: labelStyle, value: valueStyle, rule } = look[row.kind];
    const value = pen.fit(row.value, valueStyle, TOTALS_WIDTH * 0.55);
    const label = pen.fit(row.label, labelStyle, TOTALS_WIDTH - pen.width(value.text, value.style) - 10);
    const height = Math.max(labelStyle.size * labelStyle.leading, valueStyle.size * valueStyle.leading);
    return { value, label, rule, height: height + (rule ? RULE_SPACE : 0) };
  });
  sheet.gap(10);
  sheet.ensure(placed.reduce((sum, row) => sum + row.height, 0));
  for (const row of placed) {
    if (row.rule) {
      sheet.gap(2);
      sheet.rule(RIGHT - TOTALS_WIDTH, RIGHT, row.rule.color, row.rule.thickness);
      sheet.gap(RULE_SPACE - 2);
    }
    drawRuns(sheet.page, pen, [row.label], RIGHT - TOTALS_WIDTH, sheet.y);
    drawRuns(sheet.page, pen, [row.value], RIGHT, sheet.y, 'right');
    sheet.gap(row.height - (row.rule ? RULE_SPACE : 0));
  }
  sheet.gap(18);
};

/** The invoice as a PDF: A4, Helvetica, labelled in the locale's language (English when there is no catalogue for it). */
export const buildInvoicePdf = async (input: InvoiceDocumentInput): Promise<Uint8Array> => {
  const { firm, client, invoice, locale } = input;
  const kit = await startDocument(firm, locale, invoice.currency);
  const { document, pen, styles, labels } = kit;
  const title = `${invoice.kind === 'credit_note' ? labels.creditNote : labels.invoice} ${invoice.number}`;
  const sheet = new Sheet(document, pen, contentBottom(styles, kit.footer), (next) =>
    writeContinuationHeader(next, styles, firm.name, `${title} ${labels.continued}`),
  );

  writeLetterhead(sheet, styles, firm, labels, kit.logo);
  writeTitle(sheet, styles, title, badgeFor(invoice, labels), null);
  writeParties(sheet, kit, client, invoice);
  writeTable(sheet, styles, kit.brand, lineColumns(labels), lineRows(kit, invoice));
  writeTotals(sheet, kit, invoice);
  if (invoice.notes && invoice.notes.trim()) {
    writeSection(sheet, styles, labels.notes, invoice.notes);
    sheet.gap(12);
  }
  if (firm.paymentInstructions && firm.paymentInstructions.trim() && invoice.state !== 'void' && invoice.kind !== 'credit_note') {
    writeSection(sheet, styles, labels.paymentInstructions, firm.paymentInstructions);
  }
  writeFooters(sheet, styles, labels, kit.footer);

  return finishDocument(kit, {
    title,
    firmName: firm.name,
    date: invoice.issueDate ?? invoice.periodStart ?? invoice.dueDate,
    identity: [invoice.kind === 'credit_note' ? 'credit_note' : 'invoice', firm.name, invoice.number],
    content: input,
  });
};
