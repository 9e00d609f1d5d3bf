import type { Core } from '@strapi/strapi';

import type { DashboardRetainerHours } from '../../../../shared/contracts/portal-dashboard';
import { UID } from '../../rules/helpers';
import { isoDate, type Row } from '../../serializers/values';
import { retainerPeriod } from '../billing/retainers';
import { groupByRelation, ids, linkedTo, records } from '../../services/records';
import { HOURS_RETAINER_FIELDS, serializeRetainerHours } from './serialize';

/** Hours used and left in the current period of each active retainer: two queries in all. */
export const retainerHours = async (strapi: Core.Strapi, clientId: number, today: string): Promise<DashboardRetainerHours[]> => {
  const retainers = await records(strapi, UID.retainer).findMany({
    select: [...HOURS_RETAINER_FIELDS],
    where: { ...linkedTo(strapi, UID.retainer, 'client', clientId), state: 'active' },
    orderBy: [{ title: 'asc' }, { id: 'asc' }],
  });
  if (!retainers.length) return [];
  const periods = new Map(retainers.map((r) => [Number(r.id), retainerPeriod(strapi, r, today)]));
  const starts = [...periods.values()].map((p) => p.start).sort();
  const ends = [...periods.values()].map((p) => p.end).sort();
  const entries = await records(strapi, UID.timeEntry).findMany({
    select: ['id', 'date', 'hours'],
    where: { ...linkedTo(strapi, UID.timeEntry, 'retainer', ids(retainers)), date: { $gte: starts[0], $lt: ends[ends.length - 1] } },
    populate: { retainer: { select: ['id'] } },
  });
  const byRetainer = groupByRelation(entries, 'retainer');
  return retainers.map((retainer: Row) => {
    const period = periods.get(Number(retainer.id))!;
    const used = (byRetainer.get(Number(retainer.id)) ?? [])
      .filter((entry) => {
        const date = isoDate(entry.date) ?? '';
        return date >= period.start && date < period.end;
      })
      .reduce((sum, entry) => sum + Number(entry.hours ?? 0), 0);
    return serializeRetainerHours(retainer, period, used);
  });
};
