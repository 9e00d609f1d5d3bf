import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { GetPortalInvoiceResponse, ListPortalInvoicesResponse, PORTAL_INVOICE_SORTS } from '../../../../shared/contracts/portal-billing';
import { UID } from '../../rules/helpers';
import {
  INVOICE_RETAINER_FIELDS,
  PORTAL_INVOICE_DETAIL_FIELDS,
  PORTAL_INVOICE_FIELDS,
  serializePortalInvoice,
  serializePortalInvoiceDetail,
} from '../../serializers/portal/invoice';
import { OPEN_INVOICE_STATES } from '../../serializers/invoice';
import { PORTAL_PAYMENT_FIELDS } from '../../serializers/portal/payment';
import { relation, relationList, textOrNull, type Row } from '../../serializers/values';
import { columnOf, linkedIds, linkedTo, records } from '../../services/records';
import { sumByCurrency } from '../../services/totals';
import { attachmentName, openStoredFile, STORED_FILE_FIELDS, type StoredFile } from '../stored-file';
import { asStoredFile, generateInvoicePdf } from '../../billing/invoice-document';
import type { PortalContext } from '../context';
import { paginationMeta, type ListQuery } from '../list-query';

export type InvoiceSort = (typeof PORTAL_INVOICE_SORTS)[number];

/** Same words for a foreign, a missing and a draft invoice: none of them exists for the caller. */
export const INVOICE_NOT_FOUND = 'No invoice with this id';
export const NO_INVOICE_PDF = 'No PDF is available for this invoice yet';

/** The invoices a contact may see: their client's, drafts never. */
export const invoicesVisibleTo = (strapi: Core.Strapi, portal: PortalContext) => ({
  ...linkedTo(strapi, UID.invoice, 'client', portal.client.id),
  state: { $ne: 'draft' },
});

interface TallyRow {
  state: string;
  currency: string;
  invoices: unknown;
  balance: unknown;
}

/**
 * How many of the client's visible invoices there are in each state and currency, with their open
 * balance: one grouped query, whatever the number of invoices. It gives the list's total (for any
 * status filter) and the summary above it.
 */
const tallyInvoices = async (strapi: Core.Strapi, portal: PortalContext): Promise<TallyRow[]> => {
  const meta = strapi.db.metadata.get(UID.invoice);
  const column = (attribute: string) => columnOf(strapi, UID.invoice, attribute);
  return (await strapi.db
    .connection(meta.tableName)
    .select({ state: column('state'), currency: column('currency') })
    .count({ invoices: '*' })
    .sum({ balance: column('balance') })
    .whereIn('id', linkedIds(strapi, UID.invoice, 'client', portal.client.id))
    .whereNot(column('state'), 'draft')
    .groupBy(column('state'), column('currency'))) as TallyRow[];
};

export const listInvoices = async (
  strapi: Core.Strapi,
  portal: PortalContext,
  { page, pageSize, sort, filters }: ListQuery<InvoiceSort, 'status'>
): Promise<ListPortalInvoicesResponse> => {
  const where = { ...invoicesVisibleTo(strapi, portal), ...(filters.status ? { state: filters.status } : {}) };
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
  const count = (states: readonly string[]) => tally.filter((row) => states.includes(row.state)).reduce((sum, row) => sum + Number(row.invoices), 0);
  const open = tally.filter((row) => (OPEN_INVOICE_STATES as readonly string[]).includes(row.state));
  const total = filters.status ? count([filters.status]) : count(tally.map((row) => row.state));
  return {
    data: rows.map(serializePortalInvoice),
    meta: {
      ...paginationMeta(page, pageSize, total),
      summary: { openTotals: sumByCurrency(open as unknown as Row[], 'balance'), overdue: count(['overdue']) },
    },
  };
};

export const findInvoice = async (strapi: Core.Strapi, portal: PortalContext, documentId: string): Promise<GetPortalInvoiceResponse> => {
  const row = await records(strapi, UID.invoice).findOne({
    select: [...PORTAL_INVOICE_DETAIL_FIELDS],
    where: { documentId, ...invoicesVisibleTo(strapi, portal) },
    populate: {
      retainer: { select: [...INVOICE_RETAINER_FIELDS] },
      payments: { select: [...PORTAL_PAYMENT_FIELDS], orderBy: [{ receivedOn: 'asc' }, { id: 'asc' }] },
    },
  });
  if (!row) throw new errors.NotFoundError(INVOICE_NOT_FOUND);
  // A PDF is always there: the firm's own, or the one generated from the invoice.
  return { data: serializePortalInvoiceDetail(row, relationList(row, 'payments'), true) };
};

/**
 * The invoice's PDF: the one the firm attached, when it did, else the one generated from the
 * invoice in the firm's brand (the same bytes an email carries).
 */
export const invoicePdf = async (
  strapi: Core.Strapi,
  portal: PortalContext,
  documentId: string
): Promise<{ file: StoredFile; filename: string }> => {
  const where = { documentId, ...invoicesVisibleTo(strapi, portal) };
  const row = await records(strapi, UID.invoice).findOne({
    select: ['id', 'number'],
    where,
    populate: { pdf: { select: [...STORED_FILE_FIELDS] } },
  });
  if (!row) throw new errors.NotFoundError(INVOICE_NOT_FOUND);
  const filename = attachmentName(textOrNull(row.number), 'invoice');
  if (relation(row, 'pdf')) {
    const file = await openStoredFile(strapi, relation(row, 'pdf'));
    if (!file) throw new errors.NotFoundError(NO_INVOICE_PDF);
    return { file, filename };
  }
  const generated = await generateInvoicePdf(strapi, { id: row.id });
  if (!generated) throw new errors.NotFoundError(INVOICE_NOT_FOUND);
  return { file: asStoredFile(generated.bytes), filename };
};
