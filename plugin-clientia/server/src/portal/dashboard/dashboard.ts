import type { Core } from '@strapi/strapi';

import type { Dashboard, DashboardContract, DashboardInvoice } from '../../../../shared/contracts/portal-dashboard';
import type { Money } from '../../../../shared/contracts/money';
import { addDays, today as todayUtc } from '../../domain/calendar';
import { UID } from '../../constants';
import { OPEN_INVOICE_STATES } from '../../serializers/invoice';
import type { Row } from '../../repositories/rows';
import { columnOf, ids, linkedIds, linkedTo, records } from '../../repositories/records';
import { sumByCurrency } from '../../repositories/totals';
import { INVOICES_ONLY, whereInvoicesOnly } from '../../repositories/invoice-kinds';
import type { PortalContext } from '../context';
import { signaturesBy } from '../contracts/signed-by';
import { countUnreadThreads } from '../threads/unread';
import { retainerHours } from './retainer-hours';
import {
  COMING_MILESTONE_FIELDS,
  DUE_INVOICE_FIELDS,
  MILESTONE_PROJECT_FIELDS,
  serializeComingMilestone,
  serializeContractToSign,
  serializeDueInvoice,
  TO_SIGN_FIELDS,
} from '../../serializers/portal/dashboard';

/** Each list shows at most this many entries, the most urgent first. */
const DASHBOARD_LIMIT = 50;
const MILESTONE_HORIZON_DAYS = 30;
const DUE_STATES = [...OPEN_INVOICE_STATES];
const AWAITING_SIGNATURE = ['sent', 'partially_signed'];

/** Open invoices, most urgent first, and what they come to. A credit note is never due, whatever credit is left on it. */
const invoicesDue = async (strapi: Core.Strapi, clientId: number): Promise<{ invoices: DashboardInvoice[]; totals: Money[] }> => {
  const where = { ...linkedTo(strapi, UID.invoice, 'client', clientId), state: { $in: DUE_STATES }, ...INVOICES_ONLY };
  const [rows, balances] = await Promise.all([
    records(strapi, UID.invoice).findMany({
      select: [...DUE_INVOICE_FIELDS],
      where,
      orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
      limit: DASHBOARD_LIMIT,
    }),
    // The totals cover every open invoice, not only the ones listed: summed by the database.
    whereInvoicesOnly(
      strapi.db
        .connection(strapi.db.metadata.get(UID.invoice).tableName)
        .select({ currency: columnOf(strapi, UID.invoice, 'currency') })
        .sum({ balance: columnOf(strapi, UID.invoice, 'balance') })
        .whereIn('id', linkedIds(strapi, UID.invoice, 'client', clientId))
        .whereIn(columnOf(strapi, UID.invoice, 'state'), DUE_STATES),
      columnOf(strapi, UID.invoice, 'kind')
    ).groupBy(columnOf(strapi, UID.invoice, 'currency')) as Promise<Row[]>,
  ]);
  return { invoices: rows.map(serializeDueInvoice), totals: sumByCurrency(balances, 'balance') };
};

/** Contracts out for signature that name the caller as a signatory and that they have not yet signed. */
const contractsToSign = async (strapi: Core.Strapi, portal: PortalContext): Promise<DashboardContract[]> => {
  const contracts = await records(strapi, UID.contract).findMany({
    select: [...TO_SIGN_FIELDS],
    where: { ...linkedTo(strapi, UID.contract, 'signatories', portal.membership.id), client: { id: portal.client.id }, state: { $in: AWAITING_SIGNATURE } },
    orderBy: [{ sentAt: 'asc' }, { id: 'asc' }],
    limit: DASHBOARD_LIMIT,
  });
  if (!contracts.length) return [];
  const signed = await signaturesBy(strapi, portal.user.id, ids(contracts));
  const hasSigned = (contract: Row) =>
    signed.some((signature) => signature.contractId === Number(contract.id) && signature.contractVersion === Number(contract.version));
  return contracts.filter((contract) => !hasSigned(contract)).map(serializeContractToSign);
};

const milestonesComing = async (strapi: Core.Strapi, clientId: number, today: string) => {
  const rows = await records(strapi, UID.milestone).findMany({
    select: [...COMING_MILESTONE_FIELDS],
    where: {
      ...linkedTo(strapi, UID.milestone, 'client', clientId),
      state: { $ne: 'done' },
      dueDate: { $gte: today, $lte: addDays(today, MILESTONE_HORIZON_DAYS) },
    },
    populate: { project: { select: [...MILESTONE_PROJECT_FIELDS] } },
    orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
    limit: DASHBOARD_LIMIT,
  });
  return rows.map(serializeComingMilestone);
};

const skipped = Promise.resolve(null);

/** What needs the contact's attention; the billing and contract parts only for roles that may see them. */
export const getDashboard = async (strapi: Core.Strapi, portal: PortalContext): Promise<Dashboard> => {
  const today = todayUtc();
  const clientId = portal.client.id;
  const billing = portal.capabilities.has('billing');
  const contracts = portal.capabilities.has('contracts');
  const [due, toSign, milestones, unread, hours] = await Promise.all([
    billing ? invoicesDue(strapi, clientId) : skipped,
    contracts ? contractsToSign(strapi, portal) : skipped,
    milestonesComing(strapi, clientId, today),
    countUnreadThreads(strapi, clientId),
    billing ? retainerHours(strapi, clientId, today) : skipped,
  ]);
  return {
    invoicesDue: due?.invoices ?? null,
    totalsDue: due?.totals ?? null,
    contractsToSign: toSign,
    milestonesComing: milestones,
    unreadThreads: unread,
    hoursLeft: hours,
  };
};
