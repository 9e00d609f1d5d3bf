/**
 * Words and tones for the billing pages' enum values. The records are typed over the contract's
 * unions, so a status added to the API fails the type check here until it has a translation.
 * (The leading underscore keeps this file out of the portal's routes.)
 */
import type {
  PaymentMethod,
  PORTAL_INVOICE_SORTS,
  PortalInvoice,
  PortalInvoiceStatus,
  PortalStatement,
  RetainerInterval,
  RetainerStatus,
} from '@clientia/shared/contracts/portal-billing';
import type { Tone } from '../../components/StatusBadge.astro';
import type { MessageKey } from '../../lib/i18n';

export const INVOICE_STATUS: Record<PortalInvoiceStatus, { label: MessageKey; tone: Tone }> = {
  overdue: { label: 'invoices.status.overdue', tone: 'danger' },
  issued: { label: 'invoices.status.issued', tone: 'info' },
  partially_paid: { label: 'invoices.status.partially_paid', tone: 'warning' },
  paid: { label: 'invoices.status.paid', tone: 'success' },
  void: { label: 'invoices.status.void', tone: 'neutral' },
};

/**
 * A credit note is never due, so an invoice's words would mislead on it ("Paid", "Open"): it is
 * applied once used up against its invoice, and leaves credit while some of it is left.
 * Overdue and partly paid never happen to a credit note; they read as the credit they would be.
 */
export const CREDIT_NOTE_STATUS: Record<PortalInvoiceStatus, { label: MessageKey; tone: Tone }> = {
  issued: { label: 'invoices.creditNote.creditAvailable', tone: 'info' },
  overdue: { label: 'invoices.creditNote.creditAvailable', tone: 'info' },
  partially_paid: { label: 'invoices.creditNote.creditAvailable', tone: 'info' },
  paid: { label: 'invoices.creditNote.applied', tone: 'success' },
  void: { label: 'invoices.status.void', tone: 'neutral' },
};

/** The badge of an invoice or a credit note in the list and on its page. */
export const statusBadge = ({ kind, status }: Pick<PortalInvoice, 'kind' | 'status'>) =>
  kind === 'credit_note' ? CREDIT_NOTE_STATUS[status] : INVOICE_STATUS[status];

/** The status tabs, in the order a client looks for them: what needs paying first. */
export const INVOICE_TABS: readonly PortalInvoiceStatus[] = ['overdue', 'issued', 'partially_paid', 'paid', 'void'];

/** The list's tab of credit notes, beside the invoice status tabs (which list invoices only). */
export const CREDIT_NOTES_TAB = 'credit_note';

export const STATEMENT_ENTRY: Record<PortalStatement['entries'][number]['kind'], MessageKey> = {
  invoice: 'statement.kind.invoice',
  credit_note: 'statement.kind.credit_note',
  payment: 'statement.kind.payment',
};

export const PAYMENT_METHOD: Record<PaymentMethod, MessageKey> = {
  bank_transfer: 'payments.method.bank_transfer',
  card: 'payments.method.card',
  cash: 'payments.method.cash',
  check: 'payments.method.check',
  direct_debit: 'payments.method.direct_debit',
  other: 'payments.method.other',
};

export const RETAINER_STATUS: Record<RetainerStatus, { label: MessageKey; tone: Tone }> = {
  active: { label: 'retainers.status.active', tone: 'success' },
  paused: { label: 'retainers.status.paused', tone: 'warning' },
  ended: { label: 'retainers.status.ended', tone: 'neutral' },
};

export const RETAINER_INTERVAL: Record<RetainerInterval, { label: MessageKey; amountPer: MessageKey }> = {
  monthly: { label: 'retainers.interval.monthly', amountPer: 'retainers.amountPer.monthly' },
  quarterly: { label: 'retainers.interval.quarterly', amountPer: 'retainers.amountPer.quarterly' },
  yearly: { label: 'retainers.interval.yearly', amountPer: 'retainers.amountPer.yearly' },
};

export type InvoiceSort = `${(typeof PORTAL_INVOICE_SORTS)[number]}:${'asc' | 'desc'}`;

/** Every sort the invoice list offers, with its words; due date first, as it is the default. */
export const INVOICE_SORT_LABEL: Record<InvoiceSort, MessageKey> = {
  'dueDate:desc': 'invoices.sort.dueDate:desc',
  'dueDate:asc': 'invoices.sort.dueDate:asc',
  'issueDate:desc': 'invoices.sort.issueDate:desc',
  'issueDate:asc': 'invoices.sort.issueDate:asc',
  'number:desc': 'invoices.sort.number:desc',
  'number:asc': 'invoices.sort.number:asc',
  'total:desc': 'invoices.sort.total:desc',
  'total:asc': 'invoices.sort.total:asc',
};
export const INVOICE_SORTS = Object.keys(INVOICE_SORT_LABEL) as InvoiceSort[];
export const DEFAULT_INVOICE_SORT: InvoiceSort = 'dueDate:desc';

/** A query parameter taken only when it is one of the allowed values; anything else means the default. */
export const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/** A page number from the query: a whole number from 1, otherwise the first page. */
export const pageNumber = (value: string | null): number => {
  const n = value && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return n >= 1 ? n : 1;
};
