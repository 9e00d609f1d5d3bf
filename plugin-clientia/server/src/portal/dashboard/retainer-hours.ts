import type { Core } from '@strapi/strapi';

import type { DashboardRetainerHours } from '../../../../shared/contracts/portal-dashboard';
import { UID } from '../../constants';
import { isoDate, type Row } from '../../repositories/rows';
import { retainerPeriod } from '../billing/retainers';
import { billableHours } from '../../billing/hours';
import { columnOf, ids, linkedTo, linkTable, records } from '../../repositories/records';
import { HOURS_RETAINER_FIELDS, serializeRetainerHours } from '../../serializers/portal/dashboard';

/** Hours used and left in the current period of each active retainer: two statements in all. */
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
  // Each entry with its retainer, joined through the link table: one statement, no second one to populate.
  const link = linkTable(strapi, UID.timeEntry, 'retainer');
  const column = (attribute: string) => `e.${columnOf(strapi, UID.timeEntry, attribute)}`;
  const entries = (await strapi.db
    .connection({ e: strapi.db.metadata.get(UID.timeEntry).tableName })
    .join({ l: link.name }, `l.${link.joinColumn.name}`, 'e.id')
    .whereIn(`l.${link.inverseJoinColumn.name}`, ids(retainers))
    .where(column('date'), '>=', starts[0])
    .where(column('date'), '<', ends[ends.length - 1])
    .select({ retainerId: `l.${link.inverseJoinColumn.name}`, date: column('date'), hours: column('hours'), billable: column('billable') })) as Row[];
  const byRetainer = new Map<number, Row[]>();
  for (const entry of entries) {
    const list = byRetainer.get(Number(entry.retainerId));
    if (list) list.push(entry);
    else byRetainer.set(Number(entry.retainerId), [entry]);
  }
  return retainers.map((retainer: Row) => {
    const period = periods.get(Number(retainer.id))!;
    // Billable hours only, as the invoice counts them.
    const used = billableHours(
      (byRetainer.get(Number(retainer.id)) ?? []).filter((entry) => {
        const date = isoDate(entry.date) ?? '';
        return date >= period.start && date < period.end;
      })
    );
    return serializeRetainerHours(retainer, period, used);
  });
};
