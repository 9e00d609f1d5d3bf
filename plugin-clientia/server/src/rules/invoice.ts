import { fieldError } from '../domain/errors';
import { parseLineItems, toMinor } from '../domain/money';
import { canMove, DERIVED_INVOICE_STATUSES, INVOICE_TRANSITIONS } from '../domain/transitions';
import { noticeInvoiceIssued } from '../billing/notices';
import { settleInvoice } from './billing';
import { changedFields, requireRelation } from './helpers';
import type { RecordRule } from './types';

/** Once issued, what was billed is fixed: a mistake is corrected by voiding and issuing anew. */
const FIXED_ONCE_ISSUED = ['client', 'currency', 'lineItems', 'issueDate', 'retainer', 'periodStart', 'periodEnd'];

export const invoiceRule: RecordRule = {
  populate: ['client', 'retainer', 'payments'],
  checksTotals: true,

  before({ action, data, before }) {
    if (action === 'delete') {
      if (before && before.state !== 'draft') {
        throw fieldError('state', 'only a draft invoice can be deleted; void an issued one instead');
      }
      return;
    }
    if ('lineItems' in data) data.lineItems = parseLineItems(data.lineItems);
    const status = data.state as string | undefined;
    if (status && (DERIVED_INVOICE_STATUSES as readonly string[]).includes(status) && status !== before?.state) {
      throw fieldError('state', `${status} follows from the payments recorded; record a payment instead`);
    }
    if (!before) {
      if (status && !['draft', 'issued'].includes(status)) {
        throw fieldError('state', 'a new invoice starts as draft or issued');
      }
      return;
    }
    const from = before.state as string;
    if (from === 'void') {
      const edited = Object.keys(data).filter((key) => key !== 'internalNotes' && key !== 'state');
      if (edited.length || (status && status !== 'void')) {
        throw fieldError(edited[0] ?? 'state', 'a void invoice cannot be changed');
      }
    }
    if (status && !canMove(INVOICE_TRANSITIONS, from, status)) {
      throw fieldError('state', `an invoice cannot go from ${from} to ${status}`);
    }
    if (status === 'void' && toMinor(before.paid) > 0n) {
      throw fieldError('state', 'an invoice with payments cannot be voided');
    }
  },

  async after({ strapi, trx, before, after }) {
    if (!after) return;
    requireRelation(after, 'client', 'every invoice belongs to a client');
    if (before && before.state !== 'draft') {
      const changed = changedFields(before, after, FIXED_ONCE_ISSUED);
      if (changed.length) {
        throw fieldError(changed[0], 'cannot change once the invoice is issued; void it and issue a new one');
      }
    }
    await settleInvoice(strapi, trx, after.id);
    if (!before || before.state === 'draft') await noticeInvoiceIssued(strapi, after.id);
  },

  label: (invoice) => `Invoice ${(invoice.number as string) || '(draft)'}`,
  clientId: (invoice) => (invoice.client as { id: number } | null)?.id ?? null,
  visibleToClient: (invoice, changed) =>
    invoice.state !== 'draft' && !(changed.length > 0 && changed.every((f) => f === 'internalNotes')),
};
