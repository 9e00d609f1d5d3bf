import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type {
  GetPortalInvoiceResponse,
  ListPortalInvoicesResponse,
  PORTAL_INVOICE_SORTS,
  PortalInvoiceKind,
} from '../../../../shared/contracts/portal-billing';
import type { Money } from '../../../../shared/contracts/money';
import { UID } from '../../constants';
import {
  CORRECTED_INVOICE_FIELDS,
  INVOICE_CREDIT_NOTE_FIELDS,
  INVOICE_RETAINER_FIELDS,
  invoiceKind,
  PORTAL_INVOICE_DETAIL_FIELDS,
  PORTAL_INVOICE_FIELDS,
  serializePortalInvoice,
  serializePortalInvoiceDetail,
} from '../../serializers/portal/invoice';
import { OPEN_INVOICE_STATES } from '../../serializers/invoice';
import { PORTAL_PAYMENT_FIELDS } from '../../serializers/portal/payment';
import { relation, relationList, textOrNull, type Row } from '../../repositories/rows';
import { columnOf, linkedIds, linkedTo, records } from '../../repositories/records';
import { sumByCurrency } from '../../repositories/totals';
import { CREDIT_NOTES_ONLY, ofKind } from '../../repositories/invoice-kinds';
import type { FileStream } from '../../storage/media-files';
import { attachmentName } from '../../http/downloads';
import { asFileStream, generateInvoicePdf, openAttachedInvoicePdf } from '../../billing/invoice-document';
import type { PortalContext } from '../context';
import type { ListQuery } from '../../../../shared/contracts/portal';
import { paginationMeta } from '../../serializers/pagination';

type InvoiceSort = (typeof PORTAL_INVOICE_SORTS)[number];

/** Same words for a foreign, a missing and a draft invoice: none of them exists for the caller. */
export const INVOICE_NOT_FOUND = 'No invoice with this id';
const NO_INVOICE_PDF = 'No PDF is available for this invoice yet';

/** The invoices a contact may see: their client's, drafts never. */
const invoicesVisibleTo = (strapi: Core.Strapi, portal: PortalContext) => ({
  ...linkedTo(strapi, UID.invoice, 'client', portal.client.id),
  state: { $ne: 'draft' },
});

interface TallyRow {
  kind: PortalInvoiceKind;
  state: string;
  currency: string;
  invoices: unknown;
  balance: unknown;
}

/**
 * How many of the client's visible invoices and credit notes there are of each kind, state and
 * currency, with their balance: one grouped query, whatever the number of invoices. It gives the
 * list's total (for any filter) and the summary above it.
 */
const tallyInvoices = async (strapi: Core.Strapi, portal: PortalContext): Promise<TallyRow[]> => {
  const meta = strapi.db.metadata.get(UID.invoice);
  const column = (attribute: string) => columnOf(strapi, UID.invoice, attribute);
  const rows = (await strapi.db
    .connection(meta.tableName)
    .select({ kind: column('kind'), state: column('state'), currency: column('currency') })
    .count({ invoices: '*' })
    .sum({ balance: column('balance') })
    .whereIn('id', linkedIds(strapi, UID.invoice, 'client', portal.client.id))
    .whereNot(column('state'), 'draft')
    .groupBy(column('kind'), column('state'), column('currency'))) as Row[];
  return rows.map((row) => ({ ...(row as unknown as TallyRow), kind: invoiceKind(row) }));
};

const OPEN_STATES: readonly string[] = OPEN_INVOICE_STATES;

/** The client's credit not yet used, per currency: what is left on open credit notes, as a positive amount. */
const creditAvailable = (tally: TallyRow[]): Money[] =>
  sumByCurrency(tally.filter((row) => row.kind === 'credit_note' && OPEN_STATES.includes(row.state)) as unknown as Row[], 'balance')
    .map((credit) => ({ amount: -credit.amount, currency: credit.currency }))
    .filter((credit) => credit.amount > 0);

export const listInvoices = async (
  strapi: Core.Strapi,
  portal: PortalContext,
  { page, pageSize, sort, filters }: ListQuery<InvoiceSort, 'status' | 'kind'>
): Promise<ListPortalInvoicesResponse> => {
  const kind = filters.kind as PortalInvoiceKind | undefined;
  const where = {
    ...invoicesVisibleTo(strapi, portal),
    ...(filters.status ? { state: filters.status } : {}),
    ...(kind ? ofKind(kind) : {}),
  };
  const [rows, tally] = await Promise.all([
    records(strapi, UID.invoice).findMany({
      select: [...PORTAL_INVOICE_FIELDS],
      where,
      orderBy: [{ [sort.field]: sort.direction }, { id: sort.direction }],
      offset: (page - 1) * pageSize,
      limit: pageSize,
    }),
    tallyInvoices(strapi, portal),
  ]);
  const count = (matches: (row: TallyRow) => boolean) => tally.filter(matches).reduce((sum, row) => sum + Number(row.invoices), 0);
  const listed = count((row) => (!filters.status || row.state === filters.status) && (!kind || row.kind === kind));
  // A credit note is never due: its credit is reported apart, never netted against what is open.
  const open = tally.filter((row) => row.kind === 'invoice' && OPEN_STATES.includes(row.state));
  return {
    data: rows.map(serializePortalInvoice),
    meta: {
      ...paginationMeta(page, pageSize, listed),
      summary: {
        openTotals: sumByCurrency(open as unknown as Row[], 'balance'),
        overdue: count((row) => row.kind === 'invoice' && row.state === 'overdue'),
        creditAvailable: creditAvailable(tally),
      },
    },
  };
};

/**
 * The credit notes issued against one invoice, in one query: the client's own, neither drafts nor
 * void ones (a void credit note takes nothing off).
 */
const creditNotesAgainst = (strapi: Core.Strapi, portal: PortalContext, invoiceId: number) =>
  records(strapi, UID.invoice).findMany({
    select: [...INVOICE_CREDIT_NOTE_FIELDS],
    where: {
      $and: [linkedTo(strapi, UID.invoice, 'correctedInvoice', invoiceId), linkedTo(strapi, UID.invoice, 'client', portal.client.id)],
      ...CREDIT_NOTES_ONLY,
      state: { $notIn: ['draft', 'void'] },
    },
    orderBy: [{ issueDate: 'asc' }, { id: 'asc' }],
  });

export const findInvoice = async (strapi: Core.Strapi, portal: PortalContext, documentId: string): Promise<GetPortalInvoiceResponse> => {
  const row = await records(strapi, UID.invoice).findOne({
    select: [...PORTAL_INVOICE_DETAIL_FIELDS],
    where: { documentId, ...invoicesVisibleTo(strapi, portal) },
    populate: {
      retainer: { select: [...INVOICE_RETAINER_FIELDS] },
      payments: { select: [...PORTAL_PAYMENT_FIELDS], orderBy: [{ receivedOn: 'asc' }, { id: 'asc' }] },
      // Named only while the client may see it, like any invoice: their own, never a draft.
      correctedInvoice: { select: [...CORRECTED_INVOICE_FIELDS], where: invoicesVisibleTo(strapi, portal) },
    },
  });
  if (!row) throw new errors.NotFoundError(INVOICE_NOT_FOUND);
  const creditNotes = invoiceKind(row) === 'invoice' ? await creditNotesAgainst(strapi, portal, Number(row.id)) : [];
  const related = { payments: relationList(row, 'payments'), corrected: relation(row, 'correctedInvoice'), creditNotes };
  // A PDF is always there: the firm's own, or the one generated from the invoice.
  return { data: serializePortalInvoiceDetail(row, related, true) };
};

/**
 * The invoice's PDF: the one the firm attached, when it did, else the one generated from the
 * invoice in the firm's brand (the same bytes an email carries).
 */
export const invoicePdf = async (
  strapi: Core.Strapi,
  portal: PortalContext,
  documentId: string
): Promise<{ file: FileStream; filename: string }> => {
  const where = { documentId, ...invoicesVisibleTo(strapi, portal) };
  const row = await records(strapi, UID.invoice).findOne({
    select: ['id', 'number', 'pdfKey'],
    where,
  });
  if (!row) throw new errors.NotFoundError(INVOICE_NOT_FOUND);
  const filename = attachmentName(textOrNull(row.number), 'invoice');
  if (textOrNull(row.pdfKey)) {
    const file = await openAttachedInvoicePdf(strapi, row);
    if (!file) throw new errors.NotFoundError(NO_INVOICE_PDF);
    return { file, filename };
  }
  const generated = await generateInvoicePdf(strapi, { id: row.id });
  if (!generated) throw new errors.NotFoundError(INVOICE_NOT_FOUND);
  return { file: asFileStream(generated.bytes), filename };
};
