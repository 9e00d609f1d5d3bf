import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import {
  createCreditNoteRequest,
  recordPaymentRequest,
  saveInvoiceDraftRequest,
  type GetStaffInvoiceResponse,
  type SendReminderResponse,
} from '../../../shared/contracts/admin-invoices';
import { isDocumentId, noFields, noQuery } from '../../../shared/contracts/fields';
import { asFileStream } from '../billing/invoice-document';
import { sendAttachment, type AttachmentContext } from '../http/downloads';
import { parseBody, parseQuery } from '../validation/parse';
import { discardReceivedFiles } from '../storage/received-files';
import { receivedInvoicePdf } from '../validation/admin-invoices';
import {
  attachInvoicePdf,
  createCreditNote,
  createInvoiceDraft,
  getStaffInvoice,
  issueInvoice,
  recordPayment,
  removeInvoicePdf,
  sendReminder,
  staffInvoicePdf,
  updateInvoiceDraft,
  voidInvoice,
} from '../workspace/invoices';
import { answerWith, type AdminContext } from './context';

/** The route's `:documentId`; one that cannot be a documentId is the same 404 as a missing one. */
const recordId = (ctx: AdminContext, notFound: string) => {
  const { documentId } = ctx.params;
  if (!isDocumentId(documentId)) throw new errors.NotFoundError(notFound);
  return documentId;
};
const invoiceId = (ctx: AdminContext) => recordId(ctx, 'No invoice has this documentId');

/** Staff's invoices, credit notes and payments: reads need the read action, changes the billing action (see the routes). */
const invoices = ({ strapi }: { strapi: Core.Strapi }) => {
  const answer = (ctx: AdminContext, pending: Promise<GetStaffInvoiceResponse['data']>, status = 200) => answerWith(ctx, pending, status);

  return {
    async findOne(ctx: AdminContext) {
      parseQuery(noQuery, ctx.query);
      await answer(ctx, getStaffInvoice(strapi, invoiceId(ctx)));
    },

    async create(ctx: AdminContext) {
      parseQuery(noQuery, ctx.query);
      const clientId = recordId(ctx, 'No client has this documentId');
      const request = parseBody(saveInvoiceDraftRequest, ctx.request.body);
      await answer(ctx, createInvoiceDraft(strapi, clientId, request), 201);
    },

    async update(ctx: AdminContext) {
      parseQuery(noQuery, ctx.query);
      const documentId = invoiceId(ctx);
      await answer(ctx, updateInvoiceDraft(strapi, documentId, parseBody(saveInvoiceDraftRequest, ctx.request.body)));
    },

    async issue(ctx: AdminContext) {
      parseQuery(noQuery, ctx.query);
      const documentId = invoiceId(ctx);
      parseBody(noFields, ctx.request.body);
      await answer(ctx, issueInvoice(strapi, documentId));
    },

    async void(ctx: AdminContext) {
      parseQuery(noQuery, ctx.query);
      const documentId = invoiceId(ctx);
      parseBody(noFields, ctx.request.body);
      await answer(ctx, voidInvoice(strapi, documentId));
    },

    async creditNote(ctx: AdminContext) {
      parseQuery(noQuery, ctx.query);
      const documentId = invoiceId(ctx);
      await answer(ctx, createCreditNote(strapi, documentId, parseBody(createCreditNoteRequest, ctx.request.body)), 201);
    },

    async recordPayment(ctx: AdminContext) {
      parseQuery(noQuery, ctx.query);
      const documentId = invoiceId(ctx);
      await answer(ctx, recordPayment(strapi, documentId, parseBody(recordPaymentRequest, ctx.request.body)), 201);
    },

    async remind(ctx: AdminContext) {
      parseQuery(noQuery, ctx.query);
      const documentId = invoiceId(ctx);
      parseBody(noFields, ctx.request.body);
      const body: SendReminderResponse = { data: await sendReminder(strapi, documentId) };
      ctx.body = body;
    },

    /** The draft's own PDF, as multipart/form-data, into private storage. */
    async attachPdf(ctx: AdminContext & { request: { files?: Record<string, unknown> } }) {
      try {
        parseQuery(noQuery, ctx.query);
        // A multipart form without text fields leaves no body: it reads as an empty form.
        parseBody(noFields, ctx.request.body ?? {});
        const documentId = invoiceId(ctx);
        await answer(ctx, attachInvoicePdf(strapi, documentId, receivedInvoicePdf(ctx.request.files)));
      } finally {
        await discardReceivedFiles(ctx.request.files);
      }
    },

    async removePdf(ctx: AdminContext) {
      parseQuery(noQuery, ctx.query);
      await answer(ctx, removeInvoicePdf(strapi, invoiceId(ctx)));
    },

    async pdf(ctx: AdminContext & AttachmentContext) {
      parseQuery(noQuery, ctx.query);
      const { bytes, filename } = await staffInvoicePdf(strapi, invoiceId(ctx));
      sendAttachment(ctx, asFileStream(bytes), filename);
    },
  };
};

export default invoices;
