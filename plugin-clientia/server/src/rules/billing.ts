import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { fieldError } from '../domain/errors';
import { invoiceTotals, parseLineItems, toMinor } from '../domain/money';
import { formatNumber } from '../domain/numbering';
import { nextCounterValue } from '../repositories/counters';
import { addDays, loadEntity, lockRow, today, UID, updateEntity } from './helpers';
import { pluginConfig } from './settings';
import type { Entity } from './types';

const OPEN_STATUSES = ['issued', 'overdue', 'partially_paid', 'paid'];

/** Allocates the next number of a yearly sequence inside the caller's transaction. */
export const allocateNumber = async (trx: Knex.Transaction, kind: 'invoice' | 'contract', format: string, date: Date) => {
  const sequence = await nextCounterValue(trx, `${kind}:${date.getUTCFullYear()}`);
  return formatNumber(format, date, sequence);
};

/**
 * Brings an invoice's server-owned fields in line with its lines and payments: totals, the status
 * that follows from payments, and — when it leaves draft — its number and dates.
 */
export const settleInvoice = async (strapi: Core.Strapi, trx: Knex.Transaction, id: number) => {
  await lockRow(strapi, trx, 'clientia_invoices', id);
  const invoice = await loadEntity(strapi, UID.invoice, { id }, ['payments', 'client']);
  if (!invoice) return;
  const lines = parseLineItems(invoice.lineItems);
  const payments = ((invoice.payments as Entity[]) ?? []).map((payment) => toMinor(payment.amount));
  const totals = invoiceTotals(lines, payments);
  if (totals.balance < 0n) {
    throw fieldError('amount', `payments would exceed the invoice total of ${totals.total} by ${-totals.balance} minor units`);
  }

  const status = invoice.state as string;
  const updates: Record<string, unknown> = {
    subtotal: totals.subtotal.toString(),
    tax: totals.tax.toString(),
    total: totals.total.toString(),
    paid: totals.paid.toString(),
    balance: totals.balance.toString(),
  };
  const client = invoice.client as Entity | null;
  if (!invoice.currency) updates.currency = (client?.currency as string) || pluginConfig(strapi, 'defaultCurrency');

  if (OPEN_STATUSES.includes(status)) {
    if (lines.length === 0) throw fieldError('lineItems', 'an invoice needs at least one line before it is issued');
    const issueDate = (invoice.issueDate as string) || today();
    const dueDate = (invoice.dueDate as string) || addDays(issueDate, pluginConfig(strapi, 'paymentTermsDays'));
    if (dueDate < issueDate) throw fieldError('dueDate', 'must not be before the issue date');
    if (!invoice.number) {
      updates.number = await allocateNumber(trx, 'invoice', pluginConfig(strapi, 'invoiceNumberFormat'), new Date(`${issueDate}T00:00:00Z`));
      updates.issuedAt = new Date();
    }
    updates.issueDate = issueDate;
    updates.dueDate = dueDate;
    if (totals.paid > 0n && totals.balance === 0n) updates.state = 'paid';
    else if (totals.paid > 0n) updates.state = 'partially_paid';
    else if (status === 'paid' || status === 'partially_paid') updates.state = dueDate < today() ? 'overdue' : 'issued';
  }
  if (status === 'void' && !invoice.voidedAt) updates.voidedAt = new Date();
  await updateEntity(strapi, UID.invoice, id, updates);
};
