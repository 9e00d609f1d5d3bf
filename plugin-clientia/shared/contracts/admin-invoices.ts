/**
 * Admin API for invoices, credit notes and payments (`/clientia/...`, admin JWT): reading needs
 * the read action, every change the billing action. Money is integer minor units of the
 * invoice's currency, as everywhere in the API; the admin panel turns what staff type in major
 * units into minor units with `parseMajorUnits` (`shared/money.ts`) before it sends anything.
 * GET /clientia/invoices/:documentId/pdf (read action) is the PDF as the client gets it, a
 * draft's marked DRAFT.
 */
import { z } from 'zod';

import { scaled, type LineItem } from '../money';
import type { ClientRef } from './admin';
import { clearableText, oneOf, storableText } from './fields';
import type { Money } from './money';

export const INVOICE_KINDS = ['invoice', 'credit_note'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

export const INVOICE_STATES = ['draft', 'issued', 'partially_paid', 'paid', 'overdue', 'void'] as const;
export type InvoiceState = (typeof INVOICE_STATES)[number];

/** How money was received, as the payment schema stores it; the panel shows each in words. */
export const PAYMENT_METHODS = ['bank_transfer', 'card', 'cash', 'check', 'direct_debit', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** The limits the server's rules apply to an invoice (`domain/money.ts` `parseLineItems`). */
export const INVOICE_LIMITS = {
  lines: 200,
  description: 500,
  maxQuantity: 1_000_000,
  /** In minor units, either sign. */
  maxUnitPrice: 10 ** 13,
  notes: 4000,
  internalNotes: 4000,
  reference: 200,
} as const;

const QUANTITY = `must be a number above 0 and at most ${INVOICE_LIMITS.maxQuantity} (at most 3 decimals)`;
const UNIT_PRICE = 'must be a whole number of minor units (cents), negative for a discount';
const TAX_RATE = 'must be a percentage from 0 to 100 (at most 2 decimals)';
const CURRENCY = 'must be a three-letter ISO 4217 currency code such as EUR';
const DATE = 'must be a date as YYYY-MM-DD';
const AMOUNT = 'must be a whole number of minor units above zero, e.g. 1050 for 10.50';

const knownCurrency = (code: string) => {
  // Older engines cannot list currencies; the shape check alone then decides.
  const supported = (Intl as { supportedValuesOf?: (key: 'currency') => string[] }).supportedValuesOf?.('currency');
  return !supported || supported.includes(code);
};

const currency = z
  .string({ error: CURRENCY })
  .regex(/^[A-Z]{3}$/, { error: CURRENCY, abort: true })
  .refine(knownCurrency, { error: CURRENCY, abort: true });

/** A calendar date, YYYY-MM-DD, that exists (no 31 April). */
const calendarDate = z
  .string({ error: DATE })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: DATE, abort: true })
  .refine((value) => new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value, { error: DATE, abort: true });

const lineItem = z.strictObject({
  description: storableText(INVOICE_LIMITS.description),
  quantity: z
    .number({ error: QUANTITY })
    .refine((value) => value > 0 && value <= INVOICE_LIMITS.maxQuantity && scaled(value, 3) !== null, { error: QUANTITY }),
  unitPrice: z
    .number({ error: UNIT_PRICE })
    .refine((value) => Number.isSafeInteger(value) && Math.abs(value) <= INVOICE_LIMITS.maxUnitPrice, { error: UNIT_PRICE }),
  taxRate: z.number({ error: TAX_RATE }).refine((value) => value >= 0 && value <= 100 && scaled(value, 2) !== null, { error: TAX_RATE }),
});

const lineItems = z
  .array(lineItem, { error: 'must be a list of line items' })
  .max(INVOICE_LIMITS.lines, { error: `at most ${INVOICE_LIMITS.lines} lines` });

/**
 * POST /clientia/clients/:documentId/invoices (billing action): a new draft for the client.
 * PUT /clientia/invoices/:documentId (billing action): changes to a draft, fields left out keep
 * their value. Totals, number and state are the server's; an issued invoice takes no changes
 * here (it is corrected with a credit note). A draft without a currency takes the client's.
 */
export const saveInvoiceDraftRequest = z.strictObject({
  currency: currency.optional(),
  /** Null leaves it to the day the invoice is issued. */
  issueDate: calendarDate.nullable().optional(),
  /** Null leaves it to the firm's payment terms from the issue date. */
  dueDate: calendarDate.nullable().optional(),
  lineItems: lineItems.optional(),
  notes: clearableText(INVOICE_LIMITS.notes),
  internalNotes: clearableText(INVOICE_LIMITS.internalNotes),
});
export type SaveInvoiceDraftRequest = z.infer<typeof saveInvoiceDraftRequest>;

/**
 * POST /clientia/invoices/:documentId/credit-notes (billing action): a draft credit note against
 * an issued invoice, in its currency. Its lines come to less than zero; left out, they are the
 * invoice's own lines with their prices negated, for staff to trim before issuing it.
 */
export const createCreditNoteRequest = z
  .strictObject({
    lineItems: lineItems.optional(),
    notes: clearableText(INVOICE_LIMITS.notes),
    internalNotes: clearableText(INVOICE_LIMITS.internalNotes),
  })
  .nullish();
export type CreateCreditNoteRequest = z.infer<typeof createCreditNoteRequest>;

/** POST /clientia/invoices/:documentId/payments (billing action): money received against an issued invoice. */
export const recordPaymentRequest = z.strictObject({
  amount: z.number({ error: AMOUNT }).refine((value) => Number.isSafeInteger(value) && value > 0 && value <= INVOICE_LIMITS.maxUnitPrice, { error: AMOUNT }),
  receivedOn: calendarDate,
  method: oneOf(PAYMENT_METHODS),
  reference: clearableText(INVOICE_LIMITS.reference),
});
export type RecordPaymentRequest = z.infer<typeof recordPaymentRequest>;

/** An invoice or credit note as staff see it: everything on it, staff-only notes included. */
export interface StaffInvoice {
  documentId: string;
  kind: InvoiceKind;
  /** Null until it is issued. */
  number: string | null;
  state: InvoiceState;
  client: ClientRef;
  currency: string;
  issueDate: string | null;
  dueDate: string | null;
  /** Unit prices in minor units of `currency`. */
  lineItems: LineItem[];
  subtotal: Money;
  tax: Money;
  total: Money;
  paid: Money;
  /** On an invoice: what credit notes took off it. On a credit note: the part of it used against its invoice (negative). */
  credited: Money;
  /** total − paid − credited; below zero on a credit note whose credit is still the client's. */
  balance: Money;
  notes: string | null;
  internalNotes: string | null;
  issuedAt: string | null;
  voidedAt: string | null;
  /** The retainer period it bills, YYYY-MM-DD. */
  period: { start: string | null; end: string | null } | null;
  /** On a credit note: the invoice it corrects. */
  correctedInvoice: { documentId: string; number: string | null } | null;
  /** On an invoice: its credit notes, oldest first. */
  creditNotes: { documentId: string; number: string | null; state: InvoiceState; total: Money }[];
  payments: { documentId: string; amount: Money; receivedOn: string | null; method: PaymentMethod; reference: string | null }[];
  /** The firm's own PDF, served instead of the generated one; kept in private storage. */
  attachedPdf: { name: string | null; size: number | null; sha256: string | null } | null;
}

/** The multipart field of PUT /clientia/invoices/:documentId/pdf, and the largest PDF it takes. */
export const INVOICE_PDF_FIELD = 'file';
export const INVOICE_PDF_MAX_BYTES = 20 * 1024 * 1024;

/**
 * GET /clientia/invoices/:documentId (read action); every write answers with the invoice as it
 * is afterwards. POST …/issue and …/void (billing action) take no body.
 */
export interface GetStaffInvoiceResponse { data: StaffInvoice }

/**
 * POST /clientia/invoices/:documentId/reminders (billing action), no body: a payment reminder to
 * the client's billing contacts now (an overdue one once the due date has passed), through the
 * e-mail outbox. One a day per invoice: the same day again queues nothing new.
 */
export interface SendReminderResponse {
  data: {
    /** E-mails queued by this request. */
    queued: number;
    /** Recipients who already had today's reminder. */
    alreadySent: number;
  };
}
