import type { PortalRouteSpec } from '../../../portal/route-spec';

export const billingRoutes: PortalRouteSpec[] = [
  {
    method: 'GET',
    path: '/invoices',
    handler: 'portal-billing.findInvoices',
    capability: 'billing',
    summary: 'The client’s invoices (never drafts) with total, paid and balance; filter by status, sort by issueDate, dueDate, number or total',
    queryKeys: ['status'],
  },
  {
    method: 'GET',
    path: '/invoices/:id',
    handler: 'portal-billing.findInvoice',
    capability: 'billing',
    idOf: 'plugin::clientia.invoice',
    summary: 'One invoice with its lines, totals, payments and the retainer it bills',
  },
  {
    method: 'GET',
    path: '/invoices/:id/pdf',
    handler: 'portal-billing.invoicePdf',
    capability: 'billing',
    idOf: 'plugin::clientia.invoice',
    summary: 'Downloads the invoice’s PDF',
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
