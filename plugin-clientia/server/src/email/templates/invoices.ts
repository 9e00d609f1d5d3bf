import type { Money } from '../../../../shared/contracts/money';
import { formatsFor, oneLine, portalLink, renderLayout, textsFor, type EmailBrand, type EmailRecipient, type RenderedEmail } from './layout';

interface InvoiceRef {
  /** The invoice's documentId: the portal page's address. */
  invoiceId: string;
  number: string;
  /** YYYY-MM-DD. */
  dueDate: string;
}

export interface InvoiceIssuedVars extends InvoiceRef {
  total: Money;
}

export interface PaymentReminderVars extends InvoiceRef {
  /** What is still open. */
  balance: Money;
}

export type OverdueReminderVars = PaymentReminderVars;

const invoicePage = (brand: EmailBrand, vars: InvoiceRef) => portalLink(brand, `/invoices/${encodeURIComponent(vars.invoiceId)}`);

/** The PDF travels as the caller's attachment; the text says so and links the same invoice. */
export const invoiceIssuedEmail = (brand: EmailBrand, to: EmailRecipient, vars: InvoiceIssuedVars): RenderedEmail => {
  const f = formatsFor(to);
  const t = textsFor(to);
  const number = oneLine(vars.number);
  const firm = oneLine(brand.firmName);
  const total = f.money(vars.total);
  const dueDate = f.date(vars.dueDate);
  return renderLayout(brand, to, {
    subject: t('invoiceIssued.subject', { number, firm }),
    preview: t('invoiceIssued.preview', { total, dueDate }),
    heading: t('invoiceIssued.heading', { number }),
    paragraphs: [t('invoiceIssued.intro', { number })],
    facts: [
      { label: t('invoice.number'), value: number },
      { label: t('invoice.amount'), value: total },
      { label: t('invoice.dueDate'), value: dueDate },
    ],
    action: { label: t('invoice.view'), url: invoicePage(brand, vars) },
    closing: [t('invoiceIssued.closing')],
  });
};

export const paymentReminderEmail = (brand: EmailBrand, to: EmailRecipient, vars: PaymentReminderVars): RenderedEmail => {
  const f = formatsFor(to);
  const t = textsFor(to);
  const number = oneLine(vars.number);
  const balance = f.money(vars.balance);
  const dueDate = f.date(vars.dueDate);
  return renderLayout(brand, to, {
    subject: t('paymentReminder.subject', { number, dueDate }),
    preview: t('paymentReminder.preview', { balance }),
    heading: t('paymentReminder.heading', { number }),
    paragraphs: [t('paymentReminder.intro', { number, dueDate })],
    facts: [
      { label: t('invoice.number'), value: number },
      { label: t('invoice.amountOpen'), value: balance },
      { label: t('invoice.dueDate'), value: dueDate },
    ],
    action: { label: t('invoice.view'), url: invoicePage(brand, vars) },
    closing: [t('paymentReminder.closing')],
  });
};

export const overdueReminderEmail = (brand: EmailBrand, to: EmailRecipient, vars: OverdueReminderVars): RenderedEmail => {
  const f = formatsFor(to);
  const t = textsFor(to);
  const number = oneLine(vars.number);
  const balance = f.money(vars.balance);
  const dueDate = f.date(vars.dueDate);
  return renderLayout(brand, to, {
    subject: t('overdueReminder.subject', { number }),
    preview: t('overdueReminder.preview', { balance, dueDate }),
    heading: t('overdueReminder.heading', { number }),
    paragraphs: [t('overdueReminder.intro', { number, dueDate }), t('overdueReminder.request')],
    facts: [
      { label: t('invoice.number'), value: number },
      { label: t('invoice.amountOpen'), value: balance },
      { label: t('invoice.dueSince'), value: dueDate },
    ],
    action: { label: t('invoice.view'), url: invoicePage(brand, vars) },
    closing: [t('overdueReminder.closing')],
  });
};
