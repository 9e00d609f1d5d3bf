import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { BurnDownStep, RetainerTimeView, StaffMember } from '../../../shared/contracts/admin-billing';
import { billableHours, billedBefore, countsAgainstRetainer } from '../billing/hours';
import { addDays, daysBetween, periodAt, periodOn, type BillingInterval, type BillingPeriod, type RetainerSchedule } from '../billing/schedule';
import { pluginConfig } from '../config/plugin-config';
import { UID } from '../constants';
import { addMonths, today as todayUtc } from '../domain/calendar';
import { records } from '../repositories/records';
import { isoDate, numberOrNull, text, type Row } from '../repositories/rows';
import { ADMIN_RETAINER_FIELDS, ADMIN_RETAINER_POPULATE, serializeAdminRetainer } from '../serializers/retainer';
import { serializeTimeEntry, TIME_ENTRY_FIELDS, TIME_ENTRY_POPULATE } from '../serializers/time-entry';
import { staffName, STAFF_FIELDS } from '../serializers/values';
import { NO_RETAINER } from './retainers';

/** A period of up to a quarter burns down week by week; a year month by month. */
const WEEKS_UP_TO_DAYS = 93;

/** The periods as the portal's meter and the billing run cut them (whole periods, never prorated). */
const scheduleOf = (strapi: Core.Strapi, row: Row, today: string): RetainerSchedule => ({
  startDate: isoDate(row.startDate) ?? today,
  endDate: isoDate(row.endDate),
  interval: (text(row.interval) || 'monthly') as BillingInterval,
  anchor: pluginConfig(strapi, 'billingAnchor'),
  prorate: false,
});

/** The period cut into steps, each [start, end) within it. */
const stepsOf = (period: BillingPeriod): { step: 'week' | 'month'; bounds: [string, string][] } => {
  const byWeek = daysBetween(period.start, period.end) <= WEEKS_UP_TO_DAYS;
  const bounds: [string, string][] = [];
  for (let start = period.start, n = 1; start < period.end; n += 1) {
    const next = byWeek ? addDays(period.start, 7 * n) : addMonths(period.start, n);
    const end = next < period.end ? next : period.end;
    bounds.push([start, end]);
    start = end;
  }
  return { step: byWeek ? 'week' : 'month', bounds };
};

/** Billable hours used step by step against the included ones: the burn-down of the period. */
const burnDown = (period: BillingPeriod, entries: Row[], included: number | null, today: string) => {
  const { step, bounds } = stepsOf(period);
  let used = 0;
  const steps = bounds.map(([start, end]): BurnDownStep => {
    const inStep = entries.filter((entry) => {
      const date = isoDate(entry.date) ?? '';
      return date >= start && date < end;
    });
    const hours = billableHours(inStep);
    used = Math.round((used + hours) * 100) / 100;
    return {
      start,
      end: addDays(end, -1),
      billableHours: hours,
      usedToDate: used,
      remaining: included === null ? null : Math.round((included - used) * 100) / 100,
      future: start > today,
    };
  });
  return { step, steps };
};

/** Every active staff member, by name: who hours can be logged for. */
const staffMembers = async (strapi: Core.Strapi): Promise<StaffMember[]> => {
  const users = await records(strapi, 'admin::user').findMany({
    select: [...STAFF_FIELDS],
    where: { isActive: true },
    orderBy: [{ firstname: 'asc' }, { lastname: 'asc' }, { id: 'asc' }],
  });
  return users.map((user) => ({ id: Number(user.id), name: staffName(user) }));
};

/**
 * The hours of one period of a retainer as staff see them: every entry with who logged it and
 * whether it is billed (and so locked), the billable hours against the included ones, and their
 * burn-down step by step. `on` picks the period; today's unless given.
 */
export const retainerTimeView = async (strapi: Core.Strapi, documentId: string, on: string | undefined, me: number): Promise<RetainerTimeView> => {
  const row = await records(strapi, UID.retainer).findOne({ select: [...ADMIN_RETAINER_FIELDS], where: { documentId }, populate: ADMIN_RETAINER_POPULATE });
  if (!row) throw new errors.NotFoundError(NO_RETAINER);
  const today = todayUtc();
  const schedule = scheduleOf(strapi, row, today);
  const period = periodOn(schedule, on ?? today);
  const previous = period.index > 0 ? periodAt(schedule, period.index - 1) : null;
  const next = periodAt(schedule, period.index + 1);

  const [entries, billedUntil, staff] = await Promise.all([
    records(strapi, UID.timeEntry).findMany({
      select: [...TIME_ENTRY_FIELDS],
      where: { retainer: { id: row.id }, date: { $gte: period.start, $lt: period.end } },
      populate: TIME_ENTRY_POPULATE,
      orderBy: [{ date: 'desc' }, { id: 'desc' }],
    }),
    billedBefore(strapi, Number(row.id)),
    staffMembers(strapi),
  ]);

  const included = numberOrNull(row.includedHours);
  const billable = billableHours(entries);
  const nonBillable = billableHours(entries.filter((entry) => !countsAgainstRetainer(entry.billable)).map((entry) => ({ hours: entry.hours })));
  return {
    retainer: serializeAdminRetainer(row, billedUntil !== null),
    period: {
      start: period.start,
      end: addDays(period.end, -1),
      previous: previous?.start ?? null,
      // Periods that have not started yet hold no hours to look at.
      next: next && next.start <= today ? next.start : null,
      current: period.start <= today && today < period.end,
    },
    usage: {
      billableHours: billable,
      nonBillableHours: nonBillable,
      includedHours: included,
      remaining: included === null ? null : Math.max(0, Math.round((included - billable) * 100) / 100),
      over: included === null ? null : Math.max(0, Math.round((billable - included) * 100) / 100),
    },
    burnDown: burnDown(period, entries, included, today),
    billedBefore: billedUntil,
    entries: entries.map((entry) => serializeTimeEntry(entry, billedUntil)),
    staff,
    me,
  };
};
