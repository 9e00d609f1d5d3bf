import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { fieldError } from '../domain/errors';
import { creditShares, invoiceTotals, parseLineItems, toMinor } from '../domain/money';
import { formatNumber } from '../domain/numbering';
import { nextCounterValue } from '../repositories/counters';
import { linkedTo, loadEntity, lockRow, updateEntity } from '../repositories/records';
import { addDays, today } from '../domain/calendar';
import { UID } from '../constants';
import { pluginConfig } from '../config/plugin-config';
import { idOf, type Entity } from '../repositories/rows';

const OPEN_STATUSES = ['issued', 'overdue', 'partially_paid', 'paid'];

/** Allocates the next number of a yearly sequence inside the caller's transaction. */
export const allocateNumber = async (trx: Knex.Transaction, kind: 'invoice' | 'credit_note' | 'contract', format: string, date: Date) => {
  const sequence = await nextCounterValue(trx, `${kind}:${date.getUTCFullYear()}`);
  return formatNumber(format, date, sequence);
};

export const isCreditNote = (invoice: Entity) => invoice.kind === 'credit_note';

const loadForSettling = (strapi: Core.Strapi, where: Record<string, unknown>) => loadEntity(strapi, UID.invoice, where, ['payments', 'client']);

/**
 * Brings one invoice's server-owned fields in line with its lines, its payments and the credit
 * that goes against it: totals, the status that follows, and — when it leaves draft — its number
 * and dates. `credited` is what credit notes took off an invoice, or for a credit note the part
 * of it used against its invoice (negative, like its total): either way the balance is
 * total − paid − credited.
 */
const settleOne = async (strapi: Core.Strapi, trx: Knex.Transaction, invoice: Entity, credited: bigint) => {
  const creditNote = isCreditNote(invoice);
  const lines = parseLineItems(invoice.lineItems);
  const payments = ((invoice.payments as Entity[]) ?? []).map((payment) => toMinor(payment.amount));
  const totals = invoiceTotals(lines, payments);
  const balance = totals.balance - credited;
  if (creditNote && totals.total > 0n) {
    throw fieldError('lineItems', 'a credit note takes money off an invoice: its lines must come to less than zero');
  }
  if (!creditNote && balance < 0n) {
    if (totals.paid > 0n) throw fieldError('amount', `payments would exceed the invoice total of ${totals.total} by ${-balance} minor units`);
    throw fieldError('lineItems', 'an invoice cannot come to less than zero; correct an issued invoice with a credit note');
  }

  const status = invoice.state as string;
  const updates: Record<string, unknown> = {
    subtotal: totals.subtotal.toString(),
    tax: totals.tax.toString(),
    total: totals.total.toString(),
    paid: totals.paid.toString(),
    credited: credited.toString(),
    balance: balance.toString(),
  };
  const client = invoice.client as Entity | null;
  if (!invoice.currency) updates.currency = (client?.currency as string) || pluginConfig(strapi, 'defaultCurrency');

  if (OPEN_STATUSES.includes(status)) {
    if (lines.length === 0) throw fieldError('lineItems', `${creditNote ? 'a credit note' : 'an invoice'} needs at least one line before it is issued`);
    if (creditNote && totals.total === 0n) throw fieldError('lineItems', 'a credit note must take something off its invoice: its lines come to zero');
    const issueDate = (invoice.issueDate as string) || today();
    if (!invoice.number) {
      const format = pluginConfig(strapi, creditNote ? 'creditNoteNumberFormat' : 'invoiceNumberFormat');
      updates.number = await allocateNumber(trx, creditNote ? 'credit_note' : 'invoice', format, new Date(`${issueDate}T00:00:00Z`));
      updates.issuedAt = new Date();
    }
    updates.issueDate = issueDate;
    if (creditNote) {
      // Nothing falls due on a credit note: without a due date no reminder or overdue run finds it.
      updates.dueDate = null;
      if (balance === 0n) updates.state = 'paid';
      else if (status === 'paid') updates.state = 'issued';
    } else {
      const dueDate = (invoice.dueDate as string) || addDays(issueDate, pluginConfig(strapi, 'paymentTermsDays'));
      if (dueDate < issueDate) throw fieldError('dueDate', 'must not be before the issue date');
      updates.dueDate = dueDate;
      // Settled is settled, by payment or by credit; partly paid needs money received.
      if (balance === 0n && (totals.paid > 0n || credited > 0n)) updates.state = 'paid';
      else if (totals.paid > 0n) updates.state = 'partially_paid';
      else if (status === 'paid' || status === 'partially_paid') updates.state = dueDate < today() ? 'overdue' : 'issued';
    }
  }
  if (status === 'void' && !invoice.voidedAt) updates.voidedAt = new Date();
  // Through the query engine on purpose, not the Document Service: this write is the rules' own
  // result, inside the transaction of the write being checked. Through the Document Service the
  // rules would run on it again (settling, logging activity and queueing notices a second time).
  await updateEntity(strapi, UID.invoice, invoice.id, updates);
};

/**
 * Settles an invoice together with the credit notes issued against it: each credit note goes
 * against what is still open, oldest first, and together they never credit more than the
 * invoice's total. The invoice's row lock makes its payments and credit notes queue.
 */
const settleAccount = async (strapi: Core.Strapi, trx: Knex.Transaction, invoiceId: number) => {
  await lockRow(strapi, trx, 'clientia_invoices', invoiceId);
  const invoice = await loadForSettling(strapi, { id: invoiceId });
  if (!invoice) return;
  const creditNotes = (
    (await strapi.db.query(UID.invoice as never).findMany({
      where: { ...linkedTo(strapi, UID.invoice, 'correctedInvoice', invoiceId), kind: 'credit_note' },
      populate: ['payments', 'client'],
      orderBy: [{ id: 'asc' }],
    })) as Entity[]
  ).filter((note) => OPEN_STATUSES.includes(note.state as string));
  const total = invoiceTotals(parseLineItems(invoice.lineItems), []).total;
  const paid = ((invoice.payments as Entity[]) ?? []).reduce((sum, payment) => sum + toMinor(payment.amount), 0n);
  const credits = creditNotes.map((note) => -invoiceTotals(parseLineItems(note.lineItems), []).total);
  const credit = credits.reduce((sum, amount) => sum + amount, 0n);
  if (credit > total) {
    throw fieldError('lineItems', `credit notes would take ${credit} minor units off an invoice of ${total}; a credit note cannot credit more than was billed`);
  }
  const shares = creditShares(total, paid, credits);
  await settleOne(strapi, trx, invoice, shares.reduce((sum, share) => sum + share, 0n));
  for (const [index, note] of creditNotes.entries()) await settleOne(strapi, trx, note, -shares[index]!);
};

/**
 * Brings an invoice's server-owned fields in line with its lines and payments, and with the
 * credit notes of its account: settling a credit note settles the invoice it corrects and every
 * credit note of that invoice, since one's share of the credit depends on the others.
 */
export const settleInvoice = async (strapi: Core.Strapi, trx: Knex.Transaction, id: number) => {
  const invoice = await loadEntity(strapi, UID.invoice, { id }, ['correctedInvoice']);
  if (!invoice) return;
  if (!isCreditNote(invoice)) return settleAccount(strapi, trx, id);
  const correctedId = idOf(invoice, 'correctedInvoice');
  if (correctedId) await settleAccount(strapi, trx, correctedId);
  // A draft or void credit note takes no part in the account: only its own totals.
  if (!correctedId || !OPEN_STATUSES.includes(invoice.state as string)) {
    const own = await loadForSettling(strapi, { id });
    if (own) await settleOne(strapi, trx, own, 0n);
  }
};
