import { translator } from '../i18n';

/**
 * The words printed on invoices and statements: the keys of the documents catalogue
 * (`server/catalogues/<language>/documents.json`). A test keeps this list and the English
 * catalogue in step, so a document that asks for a label not listed here fails the type check.
 */
export const DOCUMENT_LABELS = [
  'invoice',
  'creditNote',
  'statement',
  'continued',
  'draft',
  'void',
  'paidBadge',
  'overdueBadge',
  'billTo',
  'invoiceNumber',
  'creditNoteNumber',
  'corrects',
  'issueDate',
  'dueDate',
  'period',
  'asOf',
  'taxId',
  'description',
  'quantity',
  'unitPrice',
  'taxRate',
  'amount',
  'subtotal',
  'tax',
  'total',
  'paid',
  'credited',
  'balanceDue',
  'credit',
  'notes',
  'paymentInstructions',
  'openInvoices',
  'noOpenInvoices',
  'number',
  'status',
  'overdue',
  'balance',
  'activity',
  'noActivity',
  'date',
  'type',
  'reference',
  'payment',
  'openingBalance',
  'closingBalance',
  'page',
] as const;

export type DocumentLabel = (typeof DOCUMENT_LABELS)[number];

/** Every label as its text, and the page number line ('Page {page} of {pages}') filled in. */
export type Labels = Record<Exclude<DocumentLabel, 'page'>, string> & { page(page: number, pages: number): string };

/** The labels of a document in the language of `locale` (English where the language has no catalogue or lacks a label). */
export const labelsFor = (locale: string): Labels => {
  const t = translator<DocumentLabel>('documents', locale);
  const texts = Object.fromEntries(DOCUMENT_LABELS.filter((key) => key !== 'page').map((key) => [key, t(key)])) as Record<Exclude<DocumentLabel, 'page'>, string>;
  return { ...texts, page: (page, pages) => t('page', { page, pages }) };
};
