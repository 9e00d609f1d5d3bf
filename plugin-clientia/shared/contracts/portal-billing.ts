/**
 * Portal API, billing (`/api/clientia/invoices|payments|retainers...`): needs the `billing`
 * capability (owner, admin, billing). Draft invoices never appear.
 */
import type { Money, PortalList } from './portal';

export type PortalInvoiceStatus = 'issued' | 'partially_paid' | 'paid' | 'overdue' | 'void';
export type PaymentMethod = 'bank_transfer' | 'card' | 'cash' | 'check' | 'direct_debit' | 'other';
export type RetainerInterval = 'monthly' | 'quarterly' | 'yearly';
export type RetainerStatus = 'active' | 'paused' | 'ended';

export const PORTAL_INVOICE_STATUSES: readonly PortalInvoiceStatus[] = ['issued', 'partially_paid', 'paid', 'overdue', 'void'];
export const PORTAL_INVOICE_SORTS = ['issueDate', 'dueDate', 'number', 'total'] as const;
export const PORTAL_PAYMENT_SORTS = ['receivedOn', 'amount'] as const;
export const PORTAL_RETAINER_STATUSES: readonly RetainerStatus[] = ['active', 'paused', 'ended'];
export const PORTAL_RETAINER_SORTS = ['startDate', 'nextRunDate', 'title'] as const;

type Sort<S extends readonly string[]> = `${S[number]}${'' | ':asc' | ':desc'}`;

export interface PortalInvoice {
  documentId: string;
  number: string | null;
  status: PortalInvoiceStatus;
  issueDate: string | null;
  dueDate: string | null;
  currency: string;
  total: Money;
  paid: Money;
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

export interface PortalInvoiceDetail extends PortalInvoice {
  lineItems: PortalInvoiceLine[];
  subtotal: Money;
  tax: Money;
  notes: string | null;
  payments: PortalInvoicePayment[];
  retainer: { documentId: string; title: string } | null;
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
  /** Hours logged in the period. */
  hoursUsed: number;
  /** Included hours left; never negative; null without included hours. */
  hoursRemaining: number | null;
  /** Hours beyond the included ones; null without included hours. */
  hoursOver: number | null;
}

/** GET /invoices?page&pageSize&sort=issueDate:desc&status */
export interface ListPortalInvoicesQuery {
  page?: number;
  pageSize?: number;
  sort?: Sort<typeof PORTAL_INVOICE_SORTS>;
  status?: PortalInvoiceStatus;
}
/** Across all of the client's invoices, not only the page listed. */
export interface PortalInvoiceSummary {
  /** What is still to pay (issued, partially paid and overdue invoices), per currency. */
  openTotals: Money[];
  /** How many invoices are overdue. */
  overdue: number;
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
export interface ListPortalPaymentsQuery {
  page?: number;
  pageSize?: number;
  sort?: Sort<typeof PORTAL_PAYMENT_SORTS>;
}
export type ListPortalPaymentsResponse = PortalList<PortalPayment>;

/** GET /retainers?page&pageSize&sort=startDate:desc&status */
export interface ListPortalRetainersQuery {
  page?: number;
  pageSize?: number;
  sort?: Sort<typeof PORTAL_RETAINER_SORTS>;
  status?: RetainerStatus;
}
export type ListPortalRetainersResponse = PortalList<PortalRetainer>;

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
  /** Invoices (positive) and payments (negative) in date order, with the balance after each. */
  entries: { date: string; kind: 'invoice' | 'payment'; reference: string; description: string | null; amount: Money; balance: Money }[];
  /** What the client owes in this currency. */
  balance: Money;
}
export interface GetPortalStatementResponse {
  data: PortalStatement;
}
