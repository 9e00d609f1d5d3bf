/**
 * Invoices, credit notes and payments as staff keep them from the admin panel. Every write goes
 * through the Document Service, so the invoice and payment rules compute totals, numbers and
 * states and log who did it, exactly as for any other writer.
 */
import { readFile } from 'node:fs/promises';

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type {
  CreateCreditNoteRequest,
  RecordPaymentRequest,
  SaveInvoiceDraftRequest,
  SendReminderResponse,
  StaffInvoice,
} from '../../../shared/contracts/admin-invoices';
import { INVOICE_PDF_FIELD, INVOICE_PDF_MAX_BYTES } from '../../../shared/contracts/admin-invoices';
import { recordActivity } from '../audit/activity';
import { asSystem, currentActor } from '../audit/actor';
import { invoiceDocument } from '../billing/invoice-document';
import { remindNow } from '../billing/notices';
import { UID } from '../constants';
import { today } from '../domain/calendar';
import { fieldError, fieldRefusal } from '../domain/errors';
import { parseLineItems, toMinor } from '../domain/money';
import { attachmentName } from '../http/downloads';
import { documents, linkedTo, records } from '../repositories/records';
import { relation, text, textOrNull, type Row } from '../repositories/rows';
import { checkFileType } from '../storage/file-type';
import { removePrivateFile, storePrivateFile } from '../storage/private-files';
import { cleanFileName, type ReceivedFile } from '../storage/received-files';
import {
  CREDIT_NOTE_FIELDS,
  INVOICE_DETAIL_FIELDS,
  INVOICE_DETAIL_POPULATE,
  PAYMENT_FIELDS,
  serializeStaffInvoice,
} from '../serializers/invoice-detail';

const INVOICE_NOT_FOUND = 'No invoice has this documentId';
/** An issued invoice a credit note may correct. */
const CORRECTABLE = ['issued', 'overdue', 'partially_paid', 'paid'];
/** An invoice the client still owes on, which a reminder makes sense for. */
const REMINDABLE = ['issued', 'overdue', 'partially_paid'];

const findRow = async (strapi: Core.Strapi, documentId: string) => {
  const row = await records(strapi, UID.invoice).findOne({ select: [...INVOICE_DETAIL_FIELDS], where: { documentId }, populate: INVOICE_DETAIL_POPULATE });
  if (!row) throw new errors.NotFoundError(INVOICE_NOT_FOUND);
  return row;
};

const isCreditNote = (row: Row) => row.kind === 'credit_note';

const detailOf = async (strapi: Core.Strapi, row: Row): Promise<StaffInvoice> => {
  const id = Number(row.id);
  const [creditNotes, payments] = await Promise.all([
    isCreditNote(row)
      ? []
      : records(strapi, UID.invoice).findMany({
          select: [...CREDIT_NOTE_FIELDS],
          where: { ...linkedTo(strapi, UID.invoice, 'correctedInvoice', id), kind: 'credit_note' },
          orderBy: [{ id: 'asc' }],
        }),
    records(strapi, UID.payment).findMany({
      select: [...PAYMENT_FIELDS],
      where: linkedTo(strapi, UID.payment, 'invoice', id),
      orderBy: [{ receivedOn: 'asc' }, { id: 'asc' }],
    }),
  ]);
  return serializeStaffInvoice(row, creditNotes, payments);
};

export const getStaffInvoice = async (strapi: Core.Strapi, documentId: string): Promise<StaffInvoice> =>
  detailOf(strapi, await findRow(strapi, documentId));

/** The PDF the client gets (the firm's attached one, else the generated one; a draft's marked DRAFT). */
export const staffInvoicePdf = async (strapi: Core.Strapi, documentId: string) => {
  const row = await findRow(strapi, documentId);
  const bytes = await invoiceDocument(strapi, Number(row.id));
  if (!bytes) throw new errors.NotFoundError(INVOICE_NOT_FOUND);
  return { bytes, filename: attachmentName(textOrNull(row.number), isCreditNote(row) ? 'credit-note-draft' : 'invoice-draft') };
};

/** Only what the request names: a field left out keeps its value, null clears it. */
const draftFields = (request: SaveInvoiceDraftRequest | NonNullable<CreateCreditNoteRequest>) =>
  Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined));

export const createInvoiceDraft = async (strapi: Core.Strapi, clientDocumentId: string, request: SaveInvoiceDraftRequest): Promise<StaffInvoice> => {
  const client = await records(strapi, UID.client).findOne({ select: ['id', 'currency'], where: { documentId: clientDocumentId } });
  if (!client) throw new errors.NotFoundError('No client has this documentId');
  const created = await documents(strapi, UID.invoice).create({
    data: { currency: text(client.currency) || undefined, ...draftFields(request), client: clientDocumentId, kind: 'invoice', state: 'draft' },
  });
  return getStaffInvoice(strapi, text(created.documentId));
};

const requireDraft = (row: Row, doing: string) => {
  if (row.state !== 'draft') {
    throw fieldRefusal(409, 'state', `only a draft can be ${doing}; this one is ${text(row.state)}${isCreditNote(row) ? '' : ' (correct an issued invoice with a credit note)'}`);
  }
};

/**
 * The firm's own PDF for a draft (made in its accounting software, say): the client gets it instead
 * of the generated one. Checked by content like a contract PDF and kept in private storage, never
 * the media library, whose folder is public. Fixed once the invoice is issued.
 */
export const attachInvoicePdf = async (strapi: Core.Strapi, documentId: string, received: ReceivedFile): Promise<StaffInvoice> => {
  requireDraft(await findRow(strapi, documentId), 'given a PDF');
  if (Number(received.size ?? 0) > INVOICE_PDF_MAX_BYTES) throw pdfTooLarge();
  const fileName = cleanFileName(received.originalFilename, INVOICE_PDF_FIELD);
  const bytes = await readFile(received.filepath);
  if (bytes.length > INVOICE_PDF_MAX_BYTES) throw pdfTooLarge();
  if (bytes.length === 0) throw fieldError(INVOICE_PDF_FIELD, 'is empty');
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw fieldError(INVOICE_PDF_FIELD, 'must be a PDF; the content of this file is not one');
  checkFileType(bytes, fileName, INVOICE_PDF_FIELD);
  const stored = await storePrivateFile(strapi, bytes);
  let replaced: string | null = null;
  try {
    await strapi.db.transaction(async () => {
      const row = await findRow(strapi, documentId);
      requireDraft(row, 'given a PDF');
      replaced = textOrNull(row.pdfKey);
      await asSystem(() =>
        documents(strapi, UID.invoice).update({
          documentId,
          data: { pdfKey: stored.storageKey, pdfName: fileName, pdfSize: stored.size, pdfHash: stored.sha256 },
        })
      );
    });
  } catch (error) {
    await removePrivateFile(strapi, stored.storageKey);
    throw error;
  }
  // Only once the new key is committed: a refused upload keeps the PDF the draft had.
  if (replaced) await removePrivateFile(strapi, replaced);
  return getStaffInvoice(strapi, documentId);
};

/** Back to the generated PDF: the draft's own PDF is removed from storage. */
export const removeInvoicePdf = async (strapi: Core.Strapi, documentId: string): Promise<StaffInvoice> => {
  const row = await findRow(strapi, documentId);
  requireDraft(row, 'changed');
  const key = textOrNull(row.pdfKey);
  if (!key) return getStaffInvoice(strapi, documentId);
  await asSystem(() => documents(strapi, UID.invoice).update({ documentId, data: { pdfKey: null, pdfName: null, pdfSize: null, pdfHash: null } }));
  await removePrivateFile(strapi, key);
  return getStaffInvoice(strapi, documentId);
};

const pdfTooLarge = () => {
  const message = `must be at most ${INVOICE_PDF_MAX_BYTES / (1024 * 1024)} MiB`;
  return new errors.PayloadTooLargeError(`${INVOICE_PDF_FIELD}: ${message}`, { errors: [{ path: [INVOICE_PDF_FIELD], message, name: 'ValidationError' }] });
};

export const updateInvoiceDraft = async (strapi: Core.Strapi, documentId: string, request: SaveInvoiceDraftRequest): Promise<StaffInvoice> => {
  requireDraft(await findRow(strapi, documentId), 'edited');
  await documents(strapi, UID.invoice).update({ documentId, data: draftFields(request) });
  return getStaffInvoice(strapi, documentId);
};

/** Issues a draft: the rules number it, date it and queue the e-mail to the client. */
export const issueInvoice = async (strapi: Core.Strapi, documentId: string): Promise<StaffInvoice> => {
  requireDraft(await findRow(strapi, documentId), 'issued');
  await documents(strapi, UID.invoice).update({ documentId, data: { state: 'issued' } });
  return getStaffInvoice(strapi, documentId);
};

/** Voids a draft or an unpaid invoice; the rules refuse one with payments or credit notes against it. */
export const voidInvoice = async (strapi: Core.Strapi, documentId: string): Promise<StaffInvoice> => {
  const row = await findRow(strapi, documentId);
  if (row.state === 'void') throw fieldRefusal(409, 'state', 'this invoice is void already');
  await documents(strapi, UID.invoice).update({ documentId, data: { state: 'void' } });
  return getStaffInvoice(strapi, documentId);
};

/**
 * A draft credit note against an issued invoice. Without lines of its own it takes the
 * invoice's, each price negated: crediting the whole invoice is then one click, and crediting a
 * part is trimming lines, never typing the invoice again.
 */
export const createCreditNote = async (strapi: Core.Strapi, documentId: string, request: CreateCreditNoteRequest): Promise<StaffInvoice> => {
  const invoice = await findRow(strapi, documentId);
  if (isCreditNote(invoice)) throw fieldRefusal(409, 'kind', 'a credit note is not corrected by another credit note; void it instead');
  if (!CORRECTABLE.includes(text(invoice.state))) {
    throw fieldRefusal(409, 'state', `only an issued invoice takes a credit note; this one is ${text(invoice.state)}`);
  }
  const fields = draftFields(request ?? {});
  const lineItems = fields.lineItems ?? parseLineItems(invoice.lineItems).map((line) => ({ ...line, unitPrice: -line.unitPrice }));
  const created = await documents(strapi, UID.invoice).create({
    data: {
      ...fields,
      lineItems,
      client: text(relation(invoice, 'client')?.documentId),
      currency: text(invoice.currency),
      kind: 'credit_note',
      correctedInvoice: documentId,
      state: 'draft',
    },
  });
  return getStaffInvoice(strapi, text(created.documentId));
};

/** Money received against the invoice; the payment rule settles its balance and state. */
export const recordPayment = async (strapi: Core.Strapi, documentId: string, request: RecordPaymentRequest): Promise<StaffInvoice> => {
  const invoice = await findRow(strapi, documentId);
  if (isCreditNote(invoice)) throw fieldRefusal(409, 'kind', 'a credit note takes no payments; record the payment against the invoice it corrects');
  await documents(strapi, UID.payment).create({ data: { ...request, reference: request.reference ?? null, invoice: documentId } });
  return getStaffInvoice(strapi, documentId);
};

/** A reminder now, to the client's billing contacts; kept in the staff's activity log, not the client's feed. */
export const sendReminder = async (strapi: Core.Strapi, documentId: string): Promise<SendReminderResponse['data']> => {
  const invoice = await findRow(strapi, documentId);
  if (isCreditNote(invoice) || !REMINDABLE.includes(text(invoice.state)) || toMinor(invoice.balance) <= 0n) {
    throw fieldRefusal(409, 'state', `nothing is owed on this ${isCreditNote(invoice) ? 'credit note' : `${text(invoice.state)} invoice`}; a reminder goes only for an open balance`);
  }
  return strapi.db.transaction(async () => {
    const emails = await remindNow(strapi, Number(invoice.id), today());
    const queued = emails.filter((email) => email.created).length;
    if (queued > 0) {
      await recordActivity(strapi, {
        actor: currentActor(strapi),
        verb: 'reminded',
        subjectType: 'invoice',
        subjectId: documentId,
        subjectLabel: `Invoice ${text(invoice.number)}`,
        clientId: Number(relation(invoice, 'client')?.id) || null,
        visibleToClient: false,
      });
    }
    return { queued, alreadySent: emails.length - queued };
  });
};
