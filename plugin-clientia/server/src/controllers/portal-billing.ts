import type { Core } from '@strapi/strapi';

import {
  PORTAL_INVOICE_SORTS,
  PORTAL_INVOICE_STATUSES,
  PORTAL_PAYMENT_SORTS,
  PORTAL_RETAINER_SORTS,
  PORTAL_RETAINER_STATUSES,
} from '../../../shared/contracts/portal-billing';
import { findInvoice, INVOICE_NOT_FOUND, invoicePdf, listInvoices } from '../portal/billing/invoices';
import { listPayments } from '../portal/billing/payments';
import { listRetainers } from '../portal/billing/retainers';
import { statementOf, statementPdf } from '../portal/billing/statement';
import { asStoredFile } from '../billing/invoice-document';
import { requestedId } from '../portal/record-id';
import { sendAttachment } from '../portal/stored-file';
import { CLIENT_QUERY_KEY, portalContext } from '../portal/context';
import { parseListQuery } from '../portal/list-query';
import type { PortalReadContext } from './portal-contracts';
import { assertQueryKeys } from './validation';

const portalBilling = ({ strapi }: { strapi: Core.Strapi }) => ({
  async findInvoices(ctx: PortalReadContext) {
    const query = parseListQuery(ctx.query, {
      sortable: PORTAL_INVOICE_SORTS,
      defaultSort: { field: 'issueDate', direction: 'desc' },
      filters: { status: PORTAL_INVOICE_STATUSES },
    });
    ctx.body = await listInvoices(strapi, portalContext(ctx), query);
  },

  async findInvoice(ctx: PortalReadContext) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
    ctx.body = await findInvoice(strapi, portalContext(ctx), requestedId(ctx.params, INVOICE_NOT_FOUND));
  },

  async invoicePdf(ctx: PortalReadContext) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
    const { file, filename } = await invoicePdf(strapi, portalContext(ctx), requestedId(ctx.params, INVOICE_NOT_FOUND));
    sendAttachment(ctx, file, filename);
  },

  async findPayments(ctx: PortalReadContext) {
    const query = parseListQuery<(typeof PORTAL_PAYMENT_SORTS)[number], never>(ctx.query, {
      sortable: PORTAL_PAYMENT_SORTS,
      defaultSort: { field: 'receivedOn', direction: 'desc' },
    });
    ctx.body = await listPayments(strapi, portalContext(ctx), query);
  },

  async statement(ctx: PortalReadContext) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY, 'currency']);
    ctx.body = { data: await statementOf(strapi, portalContext(ctx), ctx.query.currency) };
  },

  async statementPdf(ctx: PortalReadContext) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY, 'currency']);
    const { bytes, filename } = await statementPdf(strapi, portalContext(ctx), ctx.query.currency);
    sendAttachment(ctx, asStoredFile(bytes), filename);
  },

  async findRetainers(ctx: PortalReadContext) {
    const query = parseListQuery(ctx.query, {
      sortable: PORTAL_RETAINER_SORTS,
      defaultSort: { field: 'startDate', direction: 'desc' },
      filters: { status: PORTAL_RETAINER_STATUSES },
    });
    ctx.body = await listRetainers(strapi, portalContext(ctx), query);
  },
});

export default portalBilling;
