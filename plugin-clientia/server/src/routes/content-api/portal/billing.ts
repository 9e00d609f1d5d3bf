import type { PortalRouteSpec } from '../../../portal/route-spec';
import { UID } from '../../../constants';

export const billingRoutes: PortalRouteSpec[] = [
  {
    method: 'GET',
    path: '/invoices',
    handler: 'portal-billing.findInvoices',
    capability: 'billing',
    summary:
      'The client’s invoices and credit notes (never drafts) with total, paid, credited and balance, what is open and the credit available; filter by status and kind, sort by issueDate, dueDate, number or total',
    queryKeys: ['status', 'kind'],
  },
  {
    method: 'GET',
    path: '/invoices/:id',
    handler: 'portal-billing.findInvoice',
    capability: 'billing',
    idOf: UID.invoice,
    summary: 'One invoice with its lines, totals, payments, the retainer it bills and the credit notes against it; or one credit note with the invoice it corrects',
  },
  {
    method: 'GET',
    path: '/invoices/:id/pdf',
    handler: 'portal-billing.invoicePdf',
    capability: 'billing',
    idOf: UID.invoice,
    summary: 'Downloads the invoice’s or credit note’s PDF',
  },
  {
    method: 'GET',
    path: '/payments',
    handler: 'portal-billing.findPayments',
    capability: 'billing',
    summary: 'Payments received from the client, with the invoice each settles; sort by receivedOn or amount',
  },
  {
    method: 'GET',
    path: '/statement',
    handler: 'portal-billing.statement',
    capability: 'billing',
    summary: 'The client’s statement of account in one currency (currency=EUR, else the client’s own): invoices and payments with a running balance, open invoices and the balance owed',
    queryKeys: ['currency'],
  },
  {
    method: 'GET',
    path: '/statement/pdf',
    handler: 'portal-billing.statementPdf',
    capability: 'billing',
    summary: 'Downloads the statement of account as a PDF in the firm’s brand',
    queryKeys: ['currency'],
  },
  {
    method: 'GET',
    path: '/retainers',
    handler: 'portal-billing.findRetainers',
    capability: 'billing',
    summary: 'The client’s retainers with the current period’s hours used, remaining and over; filter by status',
    queryKeys: ['status'],
  },
];
