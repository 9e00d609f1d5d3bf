import type { PaymentMethod, PortalInvoicePayment, PortalPayment } from '../../../../shared/contracts/portal-billing';
import { assertClientSafe } from '../client-safe';
import { money } from '../values';
import { isoDate, relation, text, textOrNull, type Row } from '../../repositories/rows';
import { UID } from '../../constants';

export const PORTAL_PAYMENT_FIELDS = assertClientSafe(UID.payment, ['id', 'documentId', 'amount', 'currency', 'receivedOn', 'method', 'reference']);

export const PAYMENT_INVOICE_FIELDS = assertClientSafe(UID.invoice, ['id', 'documentId', 'number', 'state', 'currency']);

/** A payment as listed on its invoice; the invoice's currency is the payment's. */
export const serializePortalInvoicePayment = (row: Row, currency?: string): PortalInvoicePayment => ({
  documentId: text(row.documentId),
  receivedOn: isoDate(row.receivedOn),
  amount: money(row.amount, currency ?? row.currency),
  method: text(row.method) as PaymentMethod,
  reference: textOrNull(row.reference),
});

export const serializePortalPayment = (row: Row): PortalPayment => {
  const invoice = relation(row, 'invoice');
  return {
    ...serializePortalInvoicePayment(row, text(row.currency) || text(invoice?.currency)),
    invoice: invoice ? { documentId: text(invoice.documentId), number: textOrNull(invoice.number) } : null,
  };
};
