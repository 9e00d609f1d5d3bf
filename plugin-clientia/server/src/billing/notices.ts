import type { Core } from '@strapi/strapi';

import { minorToNumber, toMinor } from '../domain/money';
import { notifyContacts } from '../email';
import { addDays } from '../domain/calendar';
import { UID } from '../constants';
import { pluginConfig } from '../config/plugin-config';
import { isoDate, relation, text, textOrNull, type Row } from '../repositories/rows';
import { records } from '../repositories/records';
import { invoiceDocument } from './invoice-document';

const NOTICE_FIELDS = ['id', 'documentId', 'kind', 'number', 'state', 'dueDate', 'currency', 'total', 'balance'];

const loadInvoice = (strapi: Core.Strapi, id: number) =>
  records(strapi, UID.invoice).findOne({
    select: NOTICE_FIELDS,
    where: { id },
    populate: { client: { select: ['id', 'billingEmail'] } },
  });

const ref = (invoice: Row) => ({ invoiceId: text(invoice.documentId), number: text(invoice.number), dueDate: isoDate(invoice.dueDate) ?? '' });
const money = (invoice: Row, field: 'total' | 'balance') => ({ amount: minorToNumber(toMinor(invoice[field])), currency: text(invoice.currency) });
const billingAddress = (invoice: Row) => {
  const address = textOrNull(relation(invoice, 'client')?.billingEmail)?.trim();
  return address ? [address] : [];
};

/**
 * Tells the client's billing contacts (and its billing address) that an invoice was issued, with
 * the PDF attached: the one the firm attached, else the generated one, as in the portal. Runs in
 * the transaction that issued it, so a rolled-back issue sends nothing.
 */
export const noticeInvoiceIssued = async (strapi: Core.Strapi, invoiceId: number) => {
  const invoice = await loadInvoice(strapi, invoiceId);
  const client = invoice ? relation(invoice, 'client') : null;
  // A credit note reaches the client through the portal; the invoice e-mail would ask them to pay it.
  if (!invoice || !client || invoice.state !== 'issued' || invoice.kind === 'credit_note') return;
  // The same document the portal gives: the firm's own PDF when it attached one, else the generated one.
  const pdf = await invoiceDocument(strapi, invoiceId);
  await notifyContacts(strapi, {
    clientId: Number(client.id),
    topic: 'invoices',
    kind: 'invoice_issued',
    dedupeKey: `invoice_issued:${text(invoice.documentId)}`,
    alsoTo: billingAddress(invoice),
    build: () => ({
      vars: { ...ref(invoice), total: money(invoice, 'total') },
      attachments: pdf ? [{ filename: `${text(invoice.number) || 'invoice'}.pdf`, contentType: 'application/pdf', content: pdf }] : [],
    }),
  });
};

type ReminderKind = 'payment_reminder' | 'overdue_reminder';

const remind = async (strapi: Core.Strapi, invoice: Row, kind: ReminderKind, dedupeKey?: string) => {
  const client = relation(invoice, 'client');
  if (!client) return [];
  return notifyContacts(strapi, {
    clientId: Number(client.id),
    topic: 'invoices',
    kind,
    // One reminder of each kind per due date: a run repeated the same day sends nothing new.
    dedupeKey: dedupeKey ?? `${kind}:${text(invoice.documentId)}:${isoDate(invoice.dueDate) ?? ''}`,
    alsoTo: billingAddress(invoice),
    build: () => ({ vars: { ...ref(invoice), balance: money(invoice, 'balance') } }),
  });
};

/** Reminders for invoices falling due in `reminderDaysBeforeDue` days, still open (none when it is 0). */
export const remindBeforeDue = async (strapi: Core.Strapi, today: string) => {
  const days = pluginConfig(strapi, 'reminderDaysBeforeDue');
  if (days < 1) return 0;
  const due = await records(strapi, UID.invoice).findMany({
    select: NOTICE_FIELDS,
    where: { state: { $in: ['issued', 'partially_paid'] }, dueDate: addDays(today, days) },
    populate: { client: { select: ['id', 'billingEmail'] } },
  });
  for (const invoice of due) await remind(strapi, invoice, 'payment_reminder');
  return due.length;
};

/** The reminder that goes with an invoice turning overdue. */
export const remindOverdue = async (strapi: Core.Strapi, invoiceId: number) => {
  const invoice = await loadInvoice(strapi, invoiceId);
  if (invoice && invoice.state === 'overdue') await remind(strapi, invoice, 'overdue_reminder');
};

/**
 * A reminder staff send by hand, worded as overdue once the due date has passed. One a day per
 * invoice: a second click the same day queues nothing new (each email comes back with
 * `created: false`). The caller checks that the invoice is still open.
 */
export const remindNow = async (strapi: Core.Strapi, invoiceId: number, today: string) => {
  const invoice = await loadInvoice(strapi, invoiceId);
  if (!invoice) return [];
  const overdue = invoice.state === 'overdue' || (isoDate(invoice.dueDate) ?? today) < today;
  const kind: ReminderKind = overdue ? 'overdue_reminder' : 'payment_reminder';
  return remind(strapi, invoice, kind, `${kind}:by-staff:${text(invoice.documentId)}:${today}`);
};
