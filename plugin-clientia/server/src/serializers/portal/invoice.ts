import type { PortalInvoice, PortalInvoiceDetail, PortalInvoiceStatus } from '../../../../shared/contracts/portal-billing';
import { lineTotals, minorToNumber, parseLineItems } from '../../domain/money';
import { assertClientSafe } from '../client-safe';
import { isoDate, money, relation, text, textOrNull, type Row } from '../values';
import { serializePortalInvoicePayment } from './payment';

const INVOICE_UID = 'plugin::clientia.invoice';

export const PORTAL_INVOICE_FIELDS = assertClientSafe(INVOICE_UID, [
  'id',
  'documentId',
  'number',
  'state',
  'issueDate',
  'dueDate',
  'currency',
  'total',
  'paid',
  'balance',
  'periodStart',
  'periodEnd',
]);

export const PORTAL_INVOICE_DETAIL_FIELDS = assertClientSafe(INVOICE_UID, [...PORTAL_INVOICE_FIELDS, 'lineItems', 'subtotal', 'tax', 'notes']);

export const INVOICE_RETAINER_FIELDS = assertClientSafe('plugin::clientia.retainer', ['id', 'documentId', 'title']);

export const serializePortalInvoice = (row: Row): PortalInvoice => ({
  documentId: text(row.documentId),
  number: textOrNull(row.number),
  status: text(row.state) as PortalInvoiceStatus,
  issueDate: isoDate(row.issueDate),
  dueDate: isoDate(row.dueDate),
  currency: text(row.currency),
  total: money(row.total, row.currency),
  paid: money(row.paid, row.currency),
  balance: money(row.balance, row.currency),
  periodStart: isoDate(row.periodStart),
  periodEnd: isoDate(row.periodEnd),
});

/** Each line with its net and tax worked out exactly as the invoice's totals were. */
const serializeLines = (value: unknown, currency: string): PortalInvoiceDetail['lineItems'] =>
  parseLineItems(value).map((line) => {
    const { net, tax } = lineTotals(line);
    return {
      description: line.description,
      quantity: line.quantity,
      unitPrice: { amount: line.unitPrice, currency },
      taxRate: line.taxRate,
      net: { amount: minorToNumber(net), currency },
      tax: { amount: minorToNumber(tax), currency },
    };
  });

export const serializePortalInvoiceDetail = (row: Row, payments: Row[], hasPdf: boolean): PortalInvoiceDetail => {
  const currency = text(row.currency);
  const retainer = relation(row, 'retainer');
  return {
    ...serializePortalInvoice(row),
    lineItems: serializeLines(row.lineItems, currency),
    subtotal: money(row.subtotal, currency),
    tax: money(row.tax, currency),
    notes: textOrNull(row.notes),
    payments: payments.map((payment) => serializePortalInvoicePayment(payment, currency)),
    retainer: retainer ? { documentId: text(retainer.documentId), title: text(retainer.title) } : null,
    hasPdf,
  };
};
