import type { AttentionOverview, ClientOverview, PortalPreview } from '../../../shared/contracts/admin';
import { assertClientSafe } from './client-safe';
import { clientRef, money } from './values';
import { isoDate, relation, text, textOrNull, type Row } from '../repositories/rows';
import { UID } from '../constants';

/** Invoices a client still owes on. */
export const OPEN_INVOICE_STATES = ['issued', 'overdue', 'partially_paid'] as const;

export const INVOICE_FIELDS = ['id', 'documentId', 'kind', 'number', 'state', 'issueDate', 'dueDate', 'currency', 'total', 'balance'] as const;

export const serializeInvoice = (row: Row): ClientOverview['invoices'][number] => ({
  documentId: text(row.documentId),
  kind: row.kind === 'credit_note' ? 'credit_note' : 'invoice',
  number: textOrNull(row.number),
  state: text(row.state),
  issueDate: isoDate(row.issueDate),
  dueDate: isoDate(row.dueDate),
  total: money(row.total, row.currency),
  balance: money(row.balance, row.currency),
});

const DAY_MS = 86_400_000;

/** Whole days from the due date to today (both YYYY-MM-DD); never negative. */
const daysBetween = (from: string, to: string) =>
  Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS));

export const serializeOverdueInvoice = (row: Row, today: string): AttentionOverview['overdueInvoices'][number] => {
  const dueDate = isoDate(row.dueDate) ?? today;
  return {
    documentId: text(row.documentId),
    number: text(row.number),
    client: clientRef(relation(row, 'client')),
    dueDate,
    balance: money(row.balance, row.currency),
    daysOverdue: daysBetween(dueDate, today),
  };
};

export const invoicePreview = {
  uid: UID.invoice,
  fields: assertClientSafe(UID.invoice, ['id', 'number', 'state', 'issueDate', 'dueDate', 'currency', 'total', 'balance']),
  serialize: (row: Row): PortalPreview['invoices'][number] => ({
    number: text(row.number),
    state: text(row.state),
    issueDate: isoDate(row.issueDate),
    dueDate: isoDate(row.dueDate),
    total: money(row.total, row.currency),
    balance: money(row.balance, row.currency),
  }),
} as const;
