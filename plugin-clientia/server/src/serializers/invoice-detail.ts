import type { InvoiceState, PaymentMethod, StaffInvoice } from '../../../shared/contracts/admin-invoices';
import { parseLineItems } from '../domain/money';
import { isoDate, isoDateTime, numberOrNull, relation, text, textOrNull, type Row } from '../repositories/rows';
import { clientRef, CLIENT_REF_FIELDS, money } from './values';

/** An invoice as staff open it: everything on it, the staff-only notes included. */
export const INVOICE_DETAIL_FIELDS = [
  'id',
  'documentId',
  'kind',
  'number',
  'state',
  'issueDate',
  'dueDate',
  'currency',
  'lineItems',
  'subtotal',
  'tax',
  'total',
  'paid',
  'credited',
  'balance',
  'notes',
  'internalNotes',
  'issuedAt',
  'voidedAt',
  'periodStart',
  'periodEnd',
  'pdfKey',
  'pdfName',
  'pdfSize',
  'pdfHash',
] as const;

export const INVOICE_DETAIL_POPULATE = {
  client: { select: [...CLIENT_REF_FIELDS] },
  correctedInvoice: { select: ['documentId', 'number'] },
};

export const CREDIT_NOTE_FIELDS = ['id', 'documentId', 'number', 'state', 'currency', 'total'] as const;
export const PAYMENT_FIELDS = ['id', 'documentId', 'amount', 'currency', 'receivedOn', 'method', 'reference'] as const;

export const serializeStaffInvoice = (row: Row, creditNotes: Row[], payments: Row[]): StaffInvoice => {
  const currency = text(row.currency);
  const corrected = relation(row, 'correctedInvoice');
  const periodStart = isoDate(row.periodStart);
  const periodEnd = isoDate(row.periodEnd);
  return {
    documentId: text(row.documentId),
    // Rows from before credit notes existed have no kind: they are invoices.
    kind: row.kind === 'credit_note' ? 'credit_note' : 'invoice',
    number: textOrNull(row.number),
    state: text(row.state) as InvoiceState,
    client: clientRef(relation(row, 'client')),
    currency,
    issueDate: isoDate(row.issueDate),
    dueDate: isoDate(row.dueDate),
    lineItems: parseLineItems(row.lineItems),
    subtotal: money(row.subtotal, currency),
    tax: money(row.tax, currency),
    total: money(row.total, currency),
    paid: money(row.paid, currency),
    credited: money(row.credited, currency),
    balance: money(row.balance, currency),
    notes: textOrNull(row.notes),
    internalNotes: textOrNull(row.internalNotes),
    issuedAt: isoDateTime(row.issuedAt),
    voidedAt: isoDateTime(row.voidedAt),
    period: periodStart || periodEnd ? { start: periodStart, end: periodEnd } : null,
    correctedInvoice: corrected ? { documentId: text(corrected.documentId), number: textOrNull(corrected.number) } : null,
    creditNotes: creditNotes.map((note) => ({
      documentId: text(note.documentId),
      number: textOrNull(note.number),
      state: text(note.state) as InvoiceState,
      total: money(note.total, note.currency),
    })),
    payments: payments.map((payment) => ({
      documentId: text(payment.documentId),
      amount: money(payment.amount, payment.currency || currency),
      receivedOn: isoDate(payment.receivedOn),
      method: text(payment.method) as PaymentMethod,
      reference: textOrNull(payment.reference),
    })),
    attachedPdf: textOrNull(row.pdfKey)
      ? { name: textOrNull(row.pdfName), size: numberOrNull(row.pdfSize), sha256: textOrNull(row.pdfHash) }
      : null,
  };
};
