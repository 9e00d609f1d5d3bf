import type {
  PortalInvoice,
  PortalInvoiceCreditNote,
  PortalInvoiceDetail,
  PortalInvoiceKind,
  PortalInvoiceStatus,
} from '../../../../shared/contracts/portal-billing';
import { lineTotals, minorToNumber, parseLineItems, toMinor } from '../../domain/money';
import { assertClientSafe } from '../client-safe';
import { money } from '../values';
import { isoDate, relation, text, textOrNull, type Row } from '../../repositories/rows';
import { serializePortalInvoicePayment } from './payment';
import { UID } from '../../constants';

export const PORTAL_INVOICE_FIELDS = assertClientSafe(UID.invoice, [
  'id',
  'documentId',
  'kind',
  'number',
  'state',
  'issueDate',
  'dueDate',
  'currency',
  'total',
  'paid',
  'credited',
  'balance',
  'periodStart',
  'periodEnd',
]);

export const PORTAL_INVOICE_DETAIL_FIELDS = assertClientSafe(UID.invoice, [...PORTAL_INVOICE_FIELDS, 'lineItems', 'subtotal', 'tax', 'notes']);

export const INVOICE_RETAINER_FIELDS = assertClientSafe(UID.retainer, ['id', 'documentId', 'title']);

/** The invoice a credit note corrects, as its page links to it. */
export const CORRECTED_INVOICE_FIELDS = assertClientSafe(UID.invoice, ['id', 'documentId', 'number']);

/** A credit note as the invoice it corrects lists it. */
export const INVOICE_CREDIT_NOTE_FIELDS = assertClientSafe(UID.invoice, ['id', 'documentId', 'number', 'issueDate', 'currency', 'total', 'credited']);

/** Rows from before credit notes existed have no kind: they are invoices. */
export const invoiceKind = (row: Row): PortalInvoiceKind => (row.kind === 'credit_note' ? 'credit_note' : 'invoice');

export const serializePortalInvoice = (row: Row): PortalInvoice => ({
  documentId: text(row.documentId),
  kind: invoiceKind(row),
  number: textOrNull(row.number),
  status: text(row.state) as PortalInvoiceStatus,
  issueDate: isoDate(row.issueDate),
  dueDate: isoDate(row.dueDate),
  currency: text(row.currency),
  total: money(row.total, row.currency),
  paid: money(row.paid, row.currency),
  credited: money(row.credited, row.currency),
  balance: money(row.balance, row.currency),
  periodStart: isoDate(row.periodStart),
  periodEnd: isoDate(row.periodEnd),
});

/** Each line with its net and tax worked out exactly as the invoice's totals were. */
const serializeLines = (value: unknown, currency: string): PortalInvoiceDetail['lineItems'] =>
  parseLineItems(value).map((line) => {
    const { net, tax } = lineTotals(line);
    return {
      description: line.description,
      quantity: line.quantity,
      unitPrice: { amount: line.unitPrice, currency },
      taxRate: line.taxRate,
      net: { amount: minorToNumber(net), currency },
      tax: { amount: minorToNumber(tax), currency },
    };
  });

/** A credit note's `credited` is the part of it used against the invoice, negative like its total. */
const serializeCreditNote = (note: Row): PortalInvoiceCreditNote => ({
  documentId: text(note.documentId),
  number: textOrNull(note.number),
  issueDate: isoDate(note.issueDate),
  total: money(note.total, note.currency),
  applied: { amount: minorToNumber(-toMinor(note.credited)), currency: text(note.currency) },
});

/**
 * `corrected` is the invoice a credit note corrects when the client may see it; `creditNotes` the
 * ones issued against an invoice.
 */
export const serializePortalInvoiceDetail = (
  row: Row,
  { payments, corrected, creditNotes }: { payments: Row[]; corrected: Row | null; creditNotes: Row[] },
  hasPdf: boolean
): PortalInvoiceDetail => {
  const currency = text(row.currency);
  const retainer = relation(row, 'retainer');
  return {
    ...serializePortalInvoice(row),
    lineItems: serializeLines(row.lineItems, currency),
    subtotal: money(row.subtotal, currency),
    tax: money(row.tax, currency),
    notes: textOrNull(row.notes),
    payments: payments.map((payment) => serializePortalInvoicePayment(payment, currency)),
    retainer: retainer ? { documentId: text(retainer.documentId), title: text(retainer.title) } : null,
    corrects: corrected ? { documentId: text(corrected.documentId), number: textOrNull(corrected.number) } : null,
    creditNotes: creditNotes.map(serializeCreditNote),
    hasPdf,
  };
};
