import type { Core } from '@strapi/strapi';

import type { ListPortalRetainersResponse, PORTAL_RETAINER_SORTS } from '../../../../shared/contracts/portal-billing';
import { addDays, today as todayUtc } from '../../domain/calendar';
import { UID } from '../../constants';
import { PORTAL_RETAINER_FIELDS, serializePortalRetainer, type RetainerUsage } from '../../serializers/portal/retainer';
import { isoDate, relation, rowId, text, type Row } from '../../repositories/rows';
import { periodOn, type BillingInterval } from '../../billing/schedule';
import { countsAgainstRetainer, hundredthsOf } from '../../billing/hours';
import { pluginConfig } from '../../config/plugin-config';
import { ids, linkedTo, records } from '../../repositories/records';
import type { PortalContext } from '../context';
import type { ListQuery } from '../../../../shared/contracts/portal';
import { paginationMeta } from '../../serializers/pagination';

type RetainerSort = (typeof PORTAL_RETAINER_SORTS)[number];


/**
 * The period a retainer's hours count in, as [start, end): the current one, or for a retainer
 * that has ended, the one its end date falls in.
 */
export const retainerPeriod = (strapi: Core.Strapi, row: Row, today: string) =>
  periodOn(
    {
      startDate: isoDate(row.startDate) ?? today,
      endDate: isoDate(row.endDate),
      interval: (text(row.interval) || 'monthly') as BillingInterval,
      anchor: pluginConfig(strapi, 'billingAnchor'),
      prorate: false,
    },
    today
  );

/**
 * Billable hours logged against each retainer in its period, from one query for the whole page.
 * They count as the invoice counts them (`billing/hours.ts`), so the meter shows what is billed.
 */
const retainerUsage = async (strapi: Core.Strapi, rows: Row[], today: string): Promise<Map<number, RetainerUsage>> => {
  const periods = new Map(rows.map((row) => [Number(row.id), retainerPeriod(strapi, row, today)]));
  const used = new Map<number, number>();
  if (rows.length > 0) {
    const starts = [...periods.values()].map((p) => p.start).sort();
    const ends = [...periods.values()].map((p) => p.end).sort();
    const entries = await records(strapi, UID.timeEntry).findMany({
      select: ['id', 'date', 'hours', 'billable'],
      where: { retainer: { id: { $in: ids(rows) } }, date: { $gte: starts[0], $lt: ends[ends.length - 1] } },
      populate: { retainer: { select: ['id'] } },
    });
    for (const entry of entries) {
      const retainerId = rowId(relation(entry, 'retainer'));
      const period = retainerId === null ? undefined : periods.get(retainerId);
      const date = isoDate(entry.date) ?? '';
      if (!period || date < period.start || date >= period.end || !countsAgainstRetainer(entry.billable)) continue;
      used.set(retainerId!, (used.get(retainerId!) ?? 0) + hundredthsOf(entry.hours));
    }
  }

  const usage = new Map<number, RetainerUsage>();
  for (const row of rows) {
    const id = Number(row.id);
    const period = periods.get(id)!;
    const hoursUsed = used.get(id) ?? 0;
    const included = row.includedHours === null || row.includedHours === undefined ? null : hundredthsOf(row.includedHours);
    usage.set(id, {
      period: { start: period.start, end: addDays(period.end, -1) },
      hoursUsed: hoursUsed / 100,
      hoursRemaining: included === null ? null : Math.max(0, included - hoursUsed) / 100,
      hoursOver: included === null ? null : Math.max(0, hoursUsed - included) / 100,
    });
  }
  return usage;
};

export const listRetainers = async (
  strapi: Core.Strapi,
  portal: PortalContext,
  { page, pageSize, sort, filters }: ListQuery<RetainerSort, 'status'>
): Promise<ListPortalRetainersResponse> => {
  const where = { ...linkedTo(strapi, UID.retainer, 'client', portal.client.id), ...(filters.status ? { state: filters.status } : {}) };
  const [rows, total] = await Promise.all([
    records(strapi, UID.retainer).findMany({
      select: [...PORTAL_RETAINER_FIELDS],
      where,
      orderBy: [{ [sort.field]: sort.direction }, { id: sort.direction }],
      offset: (page - 1) * pageSize,
      limit: pageSize,
    }),
    records(strapi, UID.retainer).count({ where }),
  ]);
  const usage = await retainerUsage(strapi, rows, todayUtc());
  return {
    data: rows.map((row) => serializePortalRetainer(row, usage.get(Number(row.id))!)),
    meta: paginationMeta(page, pageSize, total),
  };
};
