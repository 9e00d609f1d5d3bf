import type { Core } from '@strapi/strapi';

import { portalQuery } from '../../../shared/contracts/portal';
import {
  listPortalInvoicesQuery,
  listPortalPaymentsQuery,
  listPortalRetainersQuery,
  statementQuery,
} from '../../../shared/contracts/portal-billing';
import { findInvoice, INVOICE_NOT_FOUND, invoicePdf, listInvoices } from '../portal/billing/invoices';
import { listPayments } from '../portal/billing/payments';
import { listRetainers } from '../portal/billing/retainers';
import { statementOf, statementPdf } from '../portal/billing/statement';
import { asFileStream } from '../billing/invoice-document';
import { requestedId } from '../http/record-id';
import { sendAttachment } from '../http/downloads';
import { portalContext } from '../portal/context';
import type { PortalReadContext } from './portal-contracts';
import { parseQuery } from '../validation/parse';

const portalBilling = ({ strapi }: { strapi: Core.Strapi }) => ({
  async findInvoices(ctx: PortalReadContext) {
    const query = parseQuery(listPortalInvoicesQuery, ctx.query);
    ctx.body = await listInvoices(strapi, portalContext(ctx), query);
  },

  async findInvoice(ctx: PortalReadContext) {
    parseQuery(portalQuery, ctx.query);
    ctx.body = await findInvoice(strapi, portalContext(ctx), requestedId(ctx.params, INVOICE_NOT_FOUND));
  },

  async invoicePdf(ctx: PortalReadContext) {
    parseQuery(portalQuery, ctx.query);
    const { file, filename } = await invoicePdf(strapi, portalContext(ctx), requestedId(ctx.params, INVOICE_NOT_FOUND));
    sendAttachment(ctx, file, filename);
  },

  async findPayments(ctx: PortalReadContext) {
    const query = parseQuery(listPortalPaymentsQuery, ctx.query);
    ctx.body = await listPayments(strapi, portalContext(ctx), query);
  },

  async statement(ctx: PortalReadContext) {
    const { currency } = parseQuery(statementQuery, ctx.query);
    ctx.body = { data: await statementOf(strapi, portalContext(ctx), currency) };
  },

  async statementPdf(ctx: PortalReadContext) {
    const { currency } = parseQuery(statementQuery, ctx.query);
    const { bytes, filename } = await statementPdf(strapi, portalContext(ctx), currency);
    sendAttachment(ctx, asFileStream(bytes), filename);
  },

  async findRetainers(ctx: PortalReadContext) {
    const query = parseQuery(listPortalRetainersQuery, ctx.query);
    ctx.body = await listRetainers(strapi, portalContext(ctx), query);
  },
});

export default portalBilling;
