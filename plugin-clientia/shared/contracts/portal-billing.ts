/**
 * Portal API, billing (`/api/clientia/invoices|payments|retainers...`): needs the `billing`
 * capability (owner, admin, billing). Draft invoices never appear. The invoice list holds credit
 * notes too (`kind: 'credit_note'`): negative lines and totals, no due date, never due.
 */
import { z } from 'zod';

import { clientSelector, CLIENT_SELECTOR_QUERY_KEY, listQuery, type Money, type PortalList } from './portal';

export type PortalInvoiceStatus = 'issued' | 'partially_paid' | 'paid' | 'overdue' | 'void';
/**
 * An invoice, or a credit note correcting one. A credit note is `paid` once its whole amount went
 * against its invoice and `issued` while some of it is left as the client's credit.
 */
export type PortalInvoiceKind = 'invoice' | 'credit_note';
export type PaymentMethod = 'bank_transfer' | 'card' | 'cash' | 'check' | 'direct_debit' | 'other';
export type RetainerInterval = 'monthly' | 'quarterly' | 'yearly';
export type RetainerStatus = 'active' | 'paused' | 'ended';

export const PORTAL_INVOICE_STATUSES: readonly PortalInvoiceStatus[] = ['issued', 'partially_paid', 'paid', 'overdue', 'void'];
const PORTAL_INVOICE_KINDS: readonly PortalInvoiceKind[] = ['invoice', 'credit_note'];
export const PORTAL_INVOICE_SORTS = ['issueDate', 'dueDate', 'number', 'total'] as const;
export const PORTAL_PAYMENT_SORTS = ['receivedOn', 'amount'] as const;
export const PORTAL_RETAINER_STATUSES: readonly RetainerStatus[] = ['active', 'paused', 'ended'];
export const PORTAL_RETAINER_SORTS = ['startDate', 'nextRunDate', 'title'] as const;

export interface PortalInvoice {
  documentId: string;
  kind: PortalInvoiceKind;
  number: string | null;
  status: PortalInvoiceStatus;
  issueDate: string | null;
  /** Always null on a credit note: nothing falls due on one. */
  dueDate: string | null;
  currency: string;
  /** Negative on a credit note. */
  total: Money;
  paid: Money;
  /**
   * On an invoice, what its credit notes took off it; on a credit note, the part of it used
   * against its invoice (negative, like its total). Either way balance = total − paid − credited.
   */
  credited: Money;
  /** What is still to pay; on a credit note, the credit left of it (negative, zero once used up). */
  balance: Money;
  periodStart: string | null;
  periodEnd: string | null;
}

export interface PortalInvoiceLine {
  description: string;
  quantity: number;
  unitPrice: Money;
  /** Percent, e.g. 19 or 7.5. */
  taxRate: number;
  net: Money;
  tax: Money;
}

export interface PortalInvoicePayment {
  documentId: string;
  receivedOn: string | null;
  amount: Money;
  method: PaymentMethod;
  reference: string | null;
}

/** A credit note as the invoice it corrects lists it. */
export interface PortalInvoiceCreditNote {
  documentId: string;
  number: string | null;
  issueDate: string | null;
  /** The credit note's own total (negative). */
  total: Money;
  /** What it took off this invoice (positive); the applied amounts add up to the invoice's `credited`. */
  applied: Money;
}

export interface PortalInvoiceDetail extends PortalInvoice {
  lineItems: PortalInvoiceLine[];
  subtotal: Money;
  tax: Money;
  notes: string | null;
  payments: PortalInvoicePayment[];
  retainer: { documentId: string; title: string } | null;
  /** On a credit note, the invoice it corrects; null on an invoice. */
  corrects: { documentId: string; number: string | null } | null;
  /** On an invoice, the credit notes issued against it (neither drafts nor void ones), oldest first; empty on a credit note. */
  creditNotes: PortalInvoiceCreditNote[];
  /** Whether /invoices/:id/pdf has a PDF to send. */
  hasPdf: boolean;
}

export interface PortalPayment extends PortalInvoicePayment {
  invoice: { documentId: string; number: string | null } | null;
}

export interface PortalRetainer {
  documentId: string;
  title: string;
  status: RetainerStatus;
  amount: Money;
  interval: RetainerInterval;
  startDate: string | null;
  endDate: string | null;
  /** The next billing date. */
  nextRunDate: string | null;
  hourlyRate: Money | null;
  /** The billing period the hours below count in (the current one, or the last one of an ended retainer). */
  period: { start: string; end: string };
  includedHours: number | null;
  /** Billable hours logged in the period: the ones that use up the included hours and are billed beyond them. */
  hoursUsed: number;
  /** Included hours left; never negative; null without included hours. */
  hoursRemaining: number | null;
  /** Hours beyond the included ones; null without included hours. */
  hoursOver: number | null;
}

/** GET /invoices?page&pageSize&sort=issueDate:desc&status&kind */
export const listPortalInvoicesQuery = listQuery({
  sortable: PORTAL_INVOICE_SORTS,
  defaultSort: { field: 'issueDate', direction: 'desc' },
  filters: { status: PORTAL_INVOICE_STATUSES, kind: PORTAL_INVOICE_KINDS },
});
/** Across all of the client's invoices and credit notes, not only the page listed. */
export interface PortalInvoiceSummary {
  /** What is still to pay (issued, partially paid and overdue invoices, never credit notes), per currency. */
  openTotals: Money[];
  /** How many invoices are overdue. */
  overdue: number;
  /** Credit left on the client's credit notes after what went against their invoices (positive), per currency. */
  creditAvailable: Money[];
}
export interface ListPortalInvoicesResponse {
  data: PortalInvoice[];
  meta: PortalList<PortalInvoice>['meta'] & { summary: PortalInvoiceSummary };
}
/** GET /invoices/:id */
export interface GetPortalInvoiceResponse {
  data: PortalInvoiceDetail;
}

/** GET /payments?page&pageSize&sort=receivedOn:desc */
export const listPortalPaymentsQuery = listQuery({
  sortable: PORTAL_PAYMENT_SORTS,
  defaultSort: { field: 'receivedOn', direction: 'desc' },
});
export type ListPortalPaymentsResponse = PortalList<PortalPayment>;

/** GET /retainers?page&pageSize&sort=startDate:desc&status */
export const listPortalRetainersQuery = listQuery({
  sortable: PORTAL_RETAINER_SORTS,
  defaultSort: { field: 'startDate', direction: 'desc' },
  filters: { status: PORTAL_RETAINER_STATUSES },
});
export type ListPortalRetainersResponse = PortalList<PortalRetainer>;

const CURRENCY_MESSAGE = 'must be a three-letter ISO 4217 code such as EUR';

/** GET /statement?currency=EUR and GET /statement/pdf?currency=EUR */
export const statementQuery = z.strictObject({
  [CLIENT_SELECTOR_QUERY_KEY]: clientSelector,
  currency: z.string({ error: CURRENCY_MESSAGE }).regex(/^[A-Z]{3}$/, { error: CURRENCY_MESSAGE, abort: true }).optional(),
});

/** GET /statement?currency=EUR — the client's account in one currency (the client's own by default). */
export interface PortalStatement {
  /** YYYY-MM-DD, the day it was drawn up (UTC). */
  asOf: string;
  currency: string;
  /** Every currency the client has been invoiced in, for choosing another statement. */
  currencies: string[];
  openInvoices: {
    documentId: string;
    number: string;
    issueDate: string | null;
    dueDate: string | null;
    total: Money;
    paid: Money;
    balance: Money;
    overdue: boolean;
  }[];
  /** Invoices (positive), credit notes and payments (negative) in date order, with the balance after each. */
  entries: { date: string; kind: 'invoice' | 'credit_note' | 'payment'; reference: string; description: string | null; amount: Money; balance: Money }[];
  /** What the client owes in this currency. */
  balance: Money;
}
export interface GetPortalStatementResponse {
  data: PortalStatement;
}
