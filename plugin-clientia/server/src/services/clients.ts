import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { ClientOverview, ClientState, ListClientsResponse, PortalPreview } from '../../../shared/contracts/admin';
import { today as todayUtc, UID } from '../rules/helpers';
import { ACTIVITY_FIELDS, ACTIVITY_ORDER, activityPreview, serializeActivity } from '../serializers/activity';
import { CLIENT_DETAIL_FIELDS, CLIENT_LIST_FIELDS, clientPreview, serializeClientDetail, serializeClientListItem } from '../serializers/client';
import { CONTRACT_FIELDS, contractPreview, serializeContract } from '../serializers/contract';
import { DOCUMENT_FIELDS, documentPreview, serializeDocument } from '../serializers/document';
import { INVOICE_FIELDS, invoicePreview, OPEN_INVOICE_STATES, serializeInvoice } from '../serializers/invoice';
import { LICENCE_FIELDS, SEAT_FIELDS, serializeLicence } from '../serializers/licence';
import { CONTACT_USER_FIELDS, MEMBERSHIP_FIELDS, serializeContact } from '../serializers/membership';
import { pagination } from '../serializers/pagination';
import { MILESTONE_FIELDS, MILESTONE_ORDER, milestonePreview, PROJECT_FIELDS, projectPreview, serializeProject } from '../serializers/project';
import { RETAINER_FIELDS, serializeRetainer } from '../serializers/retainer';
import { serializeClientThread, THREAD_FIELDS, threadPreview } from '../serializers/thread';
import { isoDate, STAFF_FIELDS, text, type Row } from '../serializers/values';
import { retainerPeriod } from '../portal/billing/retainers';
import { countByRelation, groupByRelation, ids, records } from './records';
import { sumByCurrency, sumIn } from './totals';

/** Each list about one client shows at most this many records, the most recent first. */
export const CLIENT_SECTION_LIMIT = 100;
/** The activity feed shows the latest entries only. */
export const ACTIVITY_LIMIT = 50;

export interface ClientListQuery {
  page: number;
  pageSize: number;
  q?: string;
  state?: ClientState;
}

const newestFirst = [{ createdAt: 'desc' }, { id: 'desc' }];

const clients = ({ strapi }: { strapi: Core.Strapi }) => {
  const findClient = async (documentId: string, select: readonly string[], populate?: Record<string, unknown>) => {
    const client = await records(strapi, UID.client).findOne({ select: [...select], where: { documentId }, populate });
    if (!client) throw new errors.NotFoundError('No client has this documentId');
    return client;
  };

  const ofClient = (client: Row, extra: Record<string, unknown> = {}) => ({ client: { id: client.id }, ...extra });

  /** Hours logged against each retainer in its current period, from one query for them all. */
  const hoursThisPeriod = async (retainers: Row[]) => {
    const today = todayUtc();
    const periods = new Map(
      retainers.map((r) => [Number(r.id), retainerPeriod(strapi, r, today)])
    );
    const earliest = [...periods.values()].map((p) => p.start).sort()[0];
    if (!earliest) return new Map<number, number>();
    const entries = await records(strapi, UID.timeEntry).findMany({
      select: ['id', 'date', 'hours'],
      where: { retainer: { id: { $in: ids(retainers) } }, date: { $gte: earliest, $lte: today } },
      populate: { retainer: { select: ['id'] } },
    });
    const hours = new Map<number, number>();
    for (const [retainerId, rows] of groupByRelation(entries, 'retainer')) {
      const period = periods.get(retainerId)!;
      const inPeriod = rows.filter((e) => {
        const date = isoDate(e.date) ?? '';
        return date >= period.start && date < period.end;
      });
      // Hundredths are plenty for hours and keep float sums from showing 7.300000000000001.
      hours.set(retainerId, Math.round(inPeriod.reduce((sum, e) => sum + Number(e.hours ?? 0), 0) * 100) / 100);
    }
    return hours;
  };

  return {
    async list({ page, pageSize, q, state }: ClientListQuery): Promise<ListClientsResponse> {
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
          where: { client: { id: { $in: clientIds } }, state: { $in: [...OPEN_INVOICE_STATES] } },
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
    },

    async overview(documentId: string): Promise<ClientOverview> {
      const client = await findClient(documentId, CLIENT_DETAIL_FIELDS, { accountManager: { select: [...STAFF_FIELDS] } });
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
            where: ofClient(client, { state: { $in: [...OPEN_INVOICE_STATES] } }),
          }),
          section(UID.licence, LICENCE_FIELDS, { populate: { seats: { select: [...SEAT_FIELDS], orderBy: [{ id: 'asc' }] } } }),
          section(UID.document, DOCUMENT_FIELDS, { orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }] }),
          section(UID.project, PROJECT_FIELDS, {
            populate: { milestones: { select: [...MILESTONE_FIELDS], orderBy: MILESTONE_ORDER } },
          }),
          section(UID.thread, THREAD_FIELDS, { orderBy: [{ lastMessageAt: 'desc' }, { id: 'desc' }] }),
          section(UID.activity, ACTIVITY_FIELDS, { orderBy: ACTIVITY_ORDER, limit: ACTIVITY_LIMIT }),
        ]);
      const hours = await hoursThisPeriod(retainers);
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
    },

    /**
     * The portal as this client sees it. Every query selects only the fields its client-facing
     * serializer lists (checked against the schema), and filters out what a client never sees:
     * drafts, internal documents, activity kept from the client's feed.
     */
    async preview(documentId: string): Promise<PortalPreview> {
      const client = await findClient(documentId, clientPreview.fields);
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
        visible(documentPreview.uid, documentPreview.fields, { visibility: 'shared' }),
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
    },
  };
};

export default clients;
