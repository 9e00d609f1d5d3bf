import { fieldError } from '../domain/errors';
import { toMinor } from '../domain/money';
import { settleInvoice } from './billing';
import { type RecordRule } from './types';
import { idOf, type Entity } from '../repositories/rows';
import { requireRelation } from './helpers';
import { updateEntity } from '../repositories/records';
import { UID } from '../constants';

const PAYABLE = ['issued', 'overdue', 'partially_paid', 'paid'];

export const paymentRule: RecordRule = {
  populate: ['invoice', 'client'],
  checksTotals: true,

  before({ action, data }) {
    if (action === 'delete' || !('amount' in data)) return;
    let amount: bigint;
    try {
      amount = toMinor(data.amount);
    } catch {
      throw fieldError('amount', 'must be a whole number of minor units (cents)');
    }
    if (amount <= 0n) throw fieldError('amount', 'must be more than zero');
  },

  async after({ strapi, trx, action, before, after }) {
    if (action === 'delete') {
      const invoiceId = before && idOf(before, 'invoice');
      if (invoiceId) await settleInvoice(strapi, trx, invoiceId);
      return;
    }
    if (!after) return;
    const invoice = requireRelation(after, 'invoice', 'every payment is against an invoice');
    if (before && idOf(before, 'invoice') !== invoice.id) {
      throw fieldError('invoice', 'a payment cannot move to another invoice; delete it and record it again');
    }
    if (invoice.kind === 'credit_note') {
      throw fieldError('invoice', 'a credit note takes no payments; record the payment against the invoice it corrects');
    }
    if (!PAYABLE.includes(invoice.state as string)) {
      throw fieldError('invoice', `a ${invoice.state} invoice cannot take payments`);
    }
    const invoiceClient = (await strapi.db
      .query(UID.invoice as never)
      .findOne({ where: { id: invoice.id }, populate: ['client'] })) as Entity;
    await updateEntity(strapi, UID.payment, after.id, {
      client: idOf(invoiceClient, 'client'),
      currency: invoice.currency,
    });
    await settleInvoice(strapi, trx, invoice.id);
  },

  label: (payment) => `Payment ${payment.reference ? `(${payment.reference})` : ''}`.trim(),
  clientId: (payment) => idOf(payment, 'client'),
};
