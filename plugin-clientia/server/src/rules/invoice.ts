import { fieldError } from '../domain/errors';
import { parseLineItems, toMinor } from '../domain/money';
import { canMove, DERIVED_INVOICE_STATUSES, INVOICE_TRANSITIONS } from '../domain/transitions';
import { noticeInvoiceIssued } from '../billing/notices';
import { UID } from '../constants';
import { lockRow, updateEntity } from '../repositories/records';
import { idOf, type Entity } from '../repositories/rows';
import { isCreditNote, settleInvoice } from './billing';
import { changedFields, requireRelation } from './helpers';
import type { RecordRule, RuleContext } from './types';

/** Once issued, what was billed is fixed: a mistake is corrected by a credit note, or by voiding and issuing anew. */
const FIXED_ONCE_ISSUED = ['client', 'currency', 'lineItems', 'issueDate', 'retainer', 'periodStart', 'periodEnd'];
/** What a record is, and which invoice a credit note corrects, is settled when it is made. */
const FIXED_ONCE_MADE = ['kind', 'correctedInvoice'];
const KINDS = ['invoice', 'credit_note'];
/** The states in which an invoice has gone to the client and a credit note can correct it. */
const CORRECTABLE = ['issued', 'overdue', 'partially_paid', 'paid'];

/** A credit note corrects one issued invoice of the same client, in its currency. */
const checkCreditNote = async ({ strapi }: RuleContext, note: Entity) => {
  const correctedId = idOf(note, 'correctedInvoice');
  if (!correctedId) throw fieldError('correctedInvoice', 'a credit note names the invoice it corrects');
  if (note.state === 'void') return;
  const corrected = (await strapi.db.query(UID.invoice as never).findOne({ where: { id: correctedId }, populate: ['client'] })) as Entity;
  if (isCreditNote(corrected)) throw fieldError('correctedInvoice', 'must be an invoice, not another credit note');
  if (!CORRECTABLE.includes(corrected.state as string)) {
    throw fieldError('correctedInvoice', `must be an issued invoice; this one is ${String(corrected.state)}`);
  }
  if (idOf(corrected, 'client') !== idOf(note, 'client')) throw fieldError('client', 'must be the client of the invoice it corrects');
  if (!note.currency) await updateEntity(strapi, UID.invoice, note.id, { currency: corrected.currency });
  else if (note.currency !== corrected.currency) throw fieldError('currency', `must be the currency of the invoice it corrects (${String(corrected.currency)})`);
};

export const invoiceRule: RecordRule = {
  populate: ['client', 'retainer', 'payments', 'correctedInvoice'],
  checksTotals: true,

  async before({ strapi, trx, action, data, before }) {
    if (action === 'delete') {
      if (before && before.state !== 'draft') {
        throw fieldError('state', 'only a draft invoice can be deleted; void an issued one instead');
      }
      return;
    }
    if ('lineItems' in data) data.lineItems = parseLineItems(data.lineItems);
    if ('kind' in data && !KINDS.includes(data.kind as string)) throw fieldError('kind', `must be one of: ${KINDS.join(', ')}`);
    const status = data.state as string | undefined;
    if (status && (DERIVED_INVOICE_STATUSES as readonly string[]).includes(status) && status !== before?.state) {
      throw fieldError('state', `${status} follows from the payments and credit notes recorded; record a payment instead`);
    }
    if (!before) {
      data.kind ??= 'invoice';
      if (status && !['draft', 'issued'].includes(status)) {
        throw fieldError('state', 'a new invoice starts as draft or issued');
      }
      return;
    }
    // The invoice a credit note corrects is settled with it: its lock comes first, as on every
    // write to that account, so two writers never hold each other's rows.
    const correctedId = isCreditNote(before) ? idOf(before, 'correctedInvoice') : null;
    if (correctedId) await lockRow(strapi, trx, 'clientia_invoices', correctedId);
    const from = before.state as string;
    if (from === 'void') {
      const edited = Object.keys(data).filter((key) => key !== 'internalNotes' && key !== 'state');
      if (edited.length || (status && status !== 'void')) {
        throw fieldError(edited[0] ?? 'state', 'a void invoice cannot be changed');
      }
    }
    // A credit note used up against its invoice shows as paid; voiding it gives the credit back.
    const voidingCreditNote = isCreditNote(before) && status === 'void';
    if (status && !voidingCreditNote && !canMove(INVOICE_TRANSITIONS, from, status)) {
      throw fieldError('state', `an invoice cannot go from ${from} to ${status}`);
    }
    if (status === 'void' && status !== from) {
      if (toMinor(before.paid) > 0n) throw fieldError('state', 'an invoice with payments cannot be voided');
      if (!isCreditNote(before) && toMinor(before.credited) !== 0n) {
        throw fieldError('state', 'an invoice with credit notes against it cannot be voided; void its credit notes first');
      }
    }
  },

  async after(ctx) {
    const { strapi, trx, before, after } = ctx;
    if (!after) return;
    requireRelation(after, 'client', 'every invoice belongs to a client');
    if (before) {
      const fixed = before.state === 'draft' ? FIXED_ONCE_MADE : [...FIXED_ONCE_MADE, ...FIXED_ONCE_ISSUED];
      const [changed] = changedFields(before, after, fixed);
      if (changed) {
        const why = FIXED_ONCE_MADE.includes(changed)
          ? 'cannot change once the record is made'
          : 'cannot change once the invoice is issued; correct it with a credit note, or void it and issue a new one';
        throw fieldError(changed, why);
      }
    }
    if (isCreditNote(after)) await checkCreditNote(ctx, after);
    else if (idOf(after, 'correctedInvoice')) throw fieldError('correctedInvoice', 'only a credit note corrects an invoice');
    await settleInvoice(strapi, trx, after.id);
    if (!before || before.state === 'draft') await noticeInvoiceIssued(strapi, after.id);
  },

  label: (invoice) => `${isCreditNote(invoice) ? 'Credit note' : 'Invoice'} ${(invoice.number as string) || '(draft)'}`,
  clientId: (invoice) => (invoice.client as { id: number } | null)?.id ?? null,
  visibleToClient: (invoice, changed) =>
    invoice.state !== 'draft' && !(changed.length > 0 && changed.every((f) => f === 'internalNotes')),
};
