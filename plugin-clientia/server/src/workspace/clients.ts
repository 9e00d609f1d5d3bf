import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { ClientOverview, ListClientsQuery, ListClientsResponse, PortalPreview } from '../../../shared/contracts/admin';
import { today as todayUtc } from '../domain/calendar';
import { UID } from '../constants';
import { ACTIVITY_FIELDS, ACTIVITY_ORDER, activityPreview, serializeActivity } from '../serializers/activity';
import { CLIENT_DETAIL_FIELDS, CLIENT_LIST_FIELDS, clientPreview, serializeClientDetail, serializeClientListItem } from '../serializers/client';
import { CONTRACT_FIELDS, contractPreview, serializeContract } from '../serializers/contract';
import { DOCUMENT_FIELDS, documentPreview, serializeDocument } from '../serializers/document';
import { INVOICE_FIELDS, invoicePreview, OPEN_INVOICE_STATES, serializeInvoice } from '../serializers/invoice';
import { INVOICES_ONLY } from '../repositories/invoice-kinds';
import { LICENCE_FIELDS, SEAT_FIELDS, serializeLicence } from '../serializers/licence';
import { CONTACT_USER_FIELDS, MEMBERSHIP_FIELDS, serializeContact } from '../serializers/membership';
import { pagination } from '../serializers/pagination';
import { MILESTONE_FIELDS, MILESTONE_ORDER, milestonePreview, PROJECT_FIELDS, projectPreview, serializeProject } from '../serializers/project';
import { RETAINER_FIELDS, serializeRetainer } from '../serializers/retainer';
import { serializeClientThread, THREAD_FIELDS, threadPreview } from '../serializers/thread';
import { STAFF_FIELDS } from '../serializers/values';
import { isoDate, text, type Row } from '../repositories/rows';
import { retainerPeriod } from '../portal/billing/retainers';
import { billableHours } from '../billing/hours';
import { countByRelation, groupByRelation, ids, records } from '../repositories/records';
import { sumByCurrency, sumIn } from '../repositories/totals';

/** Each list about one client shows at most this many records, the most recent first. */
export const CLIENT_SECTION_LIMIT = 100;
/** The activity feed shows the latest entries only. */
const ACTIVITY_LIMIT = 50;

const newestFirst = [{ createdAt: 'desc' }, { id: 'desc' }];

const findClient = async (strapi: Core.Strapi, documentId: string, select: readonly string[], populate?: Record<string, unknown>) => {
  const client = await records(strapi, UID.client).findOne({ select: [...select], where: { documentId }, populate });
  if (!client) throw new errors.NotFoundError('No client has this documentId');
  return client;
};

const ofClient = (client: Row, extra: Record<string, unknown> = {}) => ({ client: { id: client.id }, ...extra });

/** Billable hours logged against each retainer in its current period (as invoiced), from one query for them all. */
const hoursThisPeriod = async (strapi: Core.Strapi, retainers: Row[]) => {
  const today = todayUtc();
  const periods = new Map(
    retainers.map((r) => [Number(r.id), retainerPeriod(strapi, r, today)])
  );
  const earliest = [...periods.values()].map((p) => p.start).sort()[0];
  if (!earliest) return new Map<number, number>();
  const entries = await records(strapi, UID.timeEntry).findMany({
    select: ['id', 'date', 'hours', 'billable'],
    where: { retainer: { id: { $in: ids(retainers) } }, date: { $gte: earliest } },
    populate: { retainer: { select: ['id'] } },
  });
  const hours = new Map<number, number>();
  for (const [retainerId, rows] of groupByRelation(entries, 'retainer')) {
    const period = periods.get(retainerId)!;
    const inPeriod = rows.filter((e) => {
      const date = isoDate(e.date) ?? '';
      return date >= period.start && date < period.end;
    });
    hours.set(retainerId, billableHours(inPeriod));
  }
  return hours;
};

export const listClients = async (strapi: Core.Strapi, { page, pageSize, q, state }: ListClientsQuery): Promise<ListClientsResponse> => {
  const where: Record<string, unknown> = {};
  if (state) where.state = state;
  if (q) where.name = { $containsi: q };
  const [rows, total] = await Promise.all([
    records(strapi, UID.client).findMany({
      select: [...CLIENT_LIST_FIELDS],
      where,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      offset: (page - 1) * pageSize,
      limit: pageSize,
    }),
    records(strapi, UID.client).count({ where }),
  ]);
  const clientIds = ids(rows);
  const [contacts, openInvoices] = await Promise.all([
    countByRelation(strapi, UID.membership, 'client', clientIds),
    records(strapi, UID.invoice).findMany({
      select: ['id', 'balance', 'currency'],
      // What the client owes: credit left on a credit note is not owed.
      where: { client: { id: { $in: clientIds } }, state: { $in: [...OPEN_INVOICE_STATES] }, ...INVOICES_ONLY },
      populate: { client: { select: ['id'] } },
    }),
  ]);
  const invoicesByClient = groupByRelation(openInvoices, 'client');
  return {
    data: rows.map((row) =>
      serializeClientListItem(
        row,
        contacts.get(Number(row.id)) ?? 0,
        // In the client's own currency; invoices in other currencies show in the client overview.
        sumIn(invoicesByClient.get(Number(row.id)) ?? [], text(row.currency), 'balance')
      )
    ),
    meta: { pagination: pagination(page, pageSize, Number(total)) },
  };
};

export const clientOverview = async (strapi: Core.Strapi, documentId: string): Promise<ClientOverview> => {
  const client = await findClient(strapi, documentId, CLIENT_DETAIL_FIELDS, { accountManager: { select: [...STAFF_FIELDS] } });
  const section = (uid: string, select: readonly string[], extra: Record<string, unknown> = {}) =>
    records(strapi, uid).findMany({
      select: [...select],
      where: ofClient(client),
      orderBy: newestFirst,
      limit: CLIENT_SECTION_LIMIT,
      ...extra,
    });
  const [contacts, contracts, retainers, invoices, openInvoices, licences, documents, projects, threads, activity] =
    await Promise.all([
      section(UID.membership, MEMBERSHIP_FIELDS, {
        populate: { user: { select: [...CONTACT_USER_FIELDS] } },
        orderBy: [{ id: 'asc' }],
      }),
      section(UID.contract, CONTRACT_FIELDS),
      section(UID.retainer, RETAINER_FIELDS),
      section(UID.invoice, INVOICE_FIELDS),
      records(strapi, UID.invoice).findMany({
        select: ['id', 'balance', 'currency'],
        where: ofClient(client, { state: { $in: [...OPEN_INVOICE_STATES] }, ...INVOICES_ONLY }),
      }),
      section(UID.licence, LICENCE_FIELDS, { populate: { seats: { select: [...SEAT_FIELDS], orderBy: [{ id: 'asc' }] } } }),
      section(UID.document, DOCUMENT_FIELDS, { orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }] }),
      section(UID.project, PROJECT_FIELDS, {
        populate: { milestones: { select: [...MILESTONE_FIELDS], orderBy: MILESTONE_ORDER } },
      }),
      section(UID.thread, THREAD_FIELDS, { orderBy: [{ lastMessageAt: 'desc' }, { id: 'desc' }] }),
      section(UID.activity, ACTIVITY_FIELDS, { orderBy: ACTIVITY_ORDER, limit: ACTIVITY_LIMIT }),
    ]);
  const hours = await hoursThisPeriod(strapi, retainers);
  return {
    client: serializeClientDetail(client),
    contacts: contacts.map(serializeContact),
    contracts: contracts.map(serializeContract),
    retainers: retainers.map((row) => serializeRetainer(row, hours.get(Number(row.id)) ?? 0)),
    invoices: invoices.map(serializeInvoice),
    balance: sumByCurrency(openInvoices, 'balance'),
    licences: licences.map(serializeLicence),
    documents: documents.map(serializeDocument),
    projects: projects.map(serializeProject),
    threads: threads.map(serializeClientThread),
    activity: activity.map(serializeActivity),
  };
};

/**
 * The portal as this client sees it. Every query selects only the fields its client-facing
 * serializer lists (checked against the schema), and filters out what a client never sees:
 * drafts, internal documents, activity kept from the client's feed.
 */
export const portalPreview = async (strapi: Core.Strapi, documentId: string): Promise<PortalPreview> => {
  const client = await findClient(strapi, documentId, clientPreview.fields);
  const visible = (uid: string, select: readonly string[], where: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    records(strapi, uid).findMany({
      select: [...select],
      where: ofClient(client, where),
      orderBy: newestFirst,
      limit: CLIENT_SECTION_LIMIT,
      ...extra,
    });
  const [invoices, contracts, documents, projects, threads, activity] = await Promise.all([
    visible(invoicePreview.uid, invoicePreview.fields, { state: { $ne: 'draft' } }),
    visible(contractPreview.uid, contractPreview.fields, { state: { $ne: 'draft' } }),
    visible(documentPreview.uid, documentPreview.fields, { visibility: 'shared', archivedAt: { $null: true } }),
    visible(projectPreview.uid, projectPreview.fields, {}, {
      populate: { milestones: { select: [...milestonePreview.fields], orderBy: MILESTONE_ORDER } },
    }),
    visible(threadPreview.uid, threadPreview.fields, {}, { orderBy: [{ lastMessageAt: 'desc' }, { id: 'desc' }] }),
    visible(activityPreview.uid, activityPreview.fields, { visibleToClient: true }, { orderBy: ACTIVITY_ORDER, limit: ACTIVITY_LIMIT }),
  ]);
  return {
    client: clientPreview.serialize(client),
    invoices: invoices.map(invoicePreview.serialize),
    contracts: contracts.map(contractPreview.serialize),
    documents: documents.map(documentPreview.serialize),
    projects: projects.map(projectPreview.serialize),
    threads: threads.map(threadPreview.serialize),
    activity: activity.map(activityPreview.serialize),
  };
};
