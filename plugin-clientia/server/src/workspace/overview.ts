import type { Core } from '@strapi/strapi';

import type { AttentionOverview } from '../../../shared/contracts/admin';
import { addDays, today as todayUtc } from '../domain/calendar';
import { UID } from '../constants';
import {
  AWAITING_SIGNATURE_FIELDS,
  AWAITING_SIGNATURE_STATES,
  contractLabel,
  serializeAwaitingSignature,
} from '../serializers/contract';
import { serializeOverdueInvoice } from '../serializers/invoice';
import { LICENCE_FIELDS, licenceLabel, serializeSeatUtilisation } from '../serializers/licence';
import { ABOUT_TO_BILL_FIELDS, serializeAboutToBill } from '../serializers/retainer';
import { serializeOpenThread, THREAD_FIELDS } from '../serializers/thread';
import { clientRef, CLIENT_REF_FIELDS } from '../serializers/values';
import { isoDate, relation, type Row } from '../repositories/rows';
import { countByRelation, ids, records } from '../repositories/records';
import { sumByCurrency } from '../repositories/totals';

/** Each list shows at most this many entries, the most urgent first; seat use lists every active licence. */
const OVERVIEW_LIMIT = 100;
const BILLING_HORIZON_DAYS = 7;
const RENEWAL_HORIZON_DAYS = 30;
/** Contracts in force: only these come up for renewal. */
const CONTRACTS_IN_FORCE = ['signed', 'active'];

const withClient = { client: { select: [...CLIENT_REF_FIELDS] } };

const overdueInvoices = async (strapi: Core.Strapi, today: string) => {
  const where = {
    $or: [{ state: 'overdue' }, { state: { $in: ['issued', 'partially_paid'] }, dueDate: { $lt: today } }],
  };
  const [rows, balances] = await Promise.all([
    records(strapi, UID.invoice).findMany({
      select: ['id', 'documentId', 'number', 'dueDate', 'balance', 'currency'],
      where,
      populate: withClient,
      orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
      limit: OVERVIEW_LIMIT,
    }),
    // The totals cover every overdue invoice, not only the ones listed.
    records(strapi, UID.invoice).findMany({ select: ['id', 'balance', 'currency'], where }),
  ]);
  return {
    overdueInvoices: rows.map((row) => serializeOverdueInvoice(row, today)),
    overdueTotals: sumByCurrency(balances, 'balance'),
  };
};

const contractsAwaitingSignature = async (strapi: Core.Strapi) => {
  const rows = await records(strapi, UID.contract).findMany({
    select: [...AWAITING_SIGNATURE_FIELDS],
    where: { state: { $in: [...AWAITING_SIGNATURE_STATES] } },
    populate: withClient,
    orderBy: [{ sentAt: 'asc' }, { id: 'asc' }],
    limit: OVERVIEW_LIMIT,
  });
  return rows.map(serializeAwaitingSignature);
};

const retainersAboutToBill = async (strapi: Core.Strapi, today: string) => {
  const rows = await records(strapi, UID.retainer).findMany({
    select: [...ABOUT_TO_BILL_FIELDS],
    where: { state: 'active', nextRunDate: { $notNull: true, $lte: addDays(today, BILLING_HORIZON_DAYS) } },
    populate: withClient,
    orderBy: [{ nextRunDate: 'asc' }, { id: 'asc' }],
    limit: OVERVIEW_LIMIT,
  });
  return rows.map(serializeAboutToBill);
};

/** Every active licence, fullest first. */
const seatUtilisation = async (strapi: Core.Strapi) => {
  const licences = await records(strapi, UID.licence).findMany({
    select: [...LICENCE_FIELDS],
    where: { state: 'active' },
    populate: withClient,
    orderBy: [{ id: 'asc' }],
  });
  const assigned = await countByRelation(strapi, UID.seat, 'licence', ids(licences), { nonEmpty: 'assigneeEmail' });
  const share = (item: { assigned: number; purchased: number }) => item.assigned / Math.max(item.purchased, 1);
  return licences
    .map((licence) => serializeSeatUtilisation(licence, assigned.get(Number(licence.id)) ?? 0))
    .sort((a, b) => share(b) - share(a));
};

const openThreads = async (strapi: Core.Strapi) => {
  const rows = await records(strapi, UID.thread).findMany({
    select: [...THREAD_FIELDS],
    where: { state: 'open' },
    populate: withClient,
    orderBy: [{ lastMessageAt: 'desc' }, { id: 'desc' }],
    limit: OVERVIEW_LIMIT,
  });
  return rows.map(serializeOpenThread);
};

const renewals = async (strapi: Core.Strapi, today: string) => {
  const horizon = { $gte: today, $lte: addDays(today, RENEWAL_HORIZON_DAYS) };
  const inHorizon = (value: unknown) => {
    const date = isoDate(value);
    return date !== null && date >= horizon.$gte && date <= horizon.$lte ? date : null;
  };
  // A 30-day window holds few records; they are sorted by date here and the list capped.
  const [contracts, licences] = await Promise.all([
    records(strapi, UID.contract).findMany({
      select: ['id', 'documentId', 'number', 'title', 'renewalDate', 'endDate'],
      where: { state: { $in: CONTRACTS_IN_FORCE }, $or: [{ renewalDate: horizon }, { endDate: horizon }] },
      populate: withClient,
    }),
    records(strapi, UID.licence).findMany({
      select: ['id', 'documentId', 'product', 'plan', 'renewalDate'],
      where: { state: 'active', renewalDate: horizon },
      populate: withClient,
    }),
  ]);
  const entry = (kind: 'contract' | 'licence', row: Row, label: string, date: string) => ({
    kind,
    documentId: String(row.documentId),
    label,
    client: clientRef(relation(row, 'client')),
    date,
  });
  const contractEntries = contracts.map((row) => {
    // The earlier of the two dates inside the window is the one to act on.
    const dates = [inHorizon(row.renewalDate), inHorizon(row.endDate)].filter((d): d is string => d !== null).sort();
    return entry('contract', row, contractLabel(row), dates[0]);
  });
  const licenceEntries = licences.map((row) => entry('licence', row, licenceLabel(row), isoDate(row.renewalDate)!));
  return [...contractEntries, ...licenceEntries]
    .sort((a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label))
    .slice(0, OVERVIEW_LIMIT);
};

const counts = async (strapi: Core.Strapi) => {
  const [clients, activeClients, memberships] = await Promise.all([
    records(strapi, UID.client).count({}),
    records(strapi, UID.client).count({ where: { state: 'active' } }),
    records(strapi, UID.membership).count({}),
  ]);
  return { clients: Number(clients), activeClients: Number(activeClients), memberships: Number(memberships) };
};

/** What needs the firm's attention today (dates in UTC, like the billing rules). */
export const attentionOverview = async (strapi: Core.Strapi): Promise<AttentionOverview> => {
  const today = todayUtc();
  const [overdue, awaiting, aboutToBill, seats, threads, upcoming, totals] = await Promise.all([
    overdueInvoices(strapi, today),
    contractsAwaitingSignature(strapi),
    retainersAboutToBill(strapi, today),
    seatUtilisation(strapi),
    openThreads(strapi),
    renewals(strapi, today),
    counts(strapi),
  ]);
  return {
    overdueInvoices: overdue.overdueInvoices,
    overdueTotals: overdue.overdueTotals,
    contractsAwaitingSignature: awaiting,
    retainersAboutToBill: aboutToBill,
    seatUtilisation: seats,
    openThreads: threads,
    renewals: upcoming,
    counts: totals,
  };
};
