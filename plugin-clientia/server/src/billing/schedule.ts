import { addMonths } from '../domain/calendar';

export type BillingInterval = 'monthly' | 'quarterly' | 'yearly';
export type BillingAnchor = 'start-date' | 'calendar';

const MONTHS: Record<BillingInterval, number> = { monthly: 1, quarterly: 3, yearly: 12 };

export interface RetainerSchedule {
  startDate: string;
  /** The last day the retainer covers (inclusive), or null while it runs. */
  endDate: string | null;
  interval: BillingInterval;
  anchor: BillingAnchor;
  /** Bill a partial period for its share of days instead of in full. */
  prorate: boolean;
}

export interface BillingPeriod {
  /** 0 for the first period of the retainer. */
  index: number;
  start: string;
  /** Exclusive. */
  end: string;
  /** The whole period this one is part of (equal to start/end unless partial). */
  fullStart: string;
  fullEnd: string;
  /** Share of the full period billed: 1, or days/days when partial and prorated. */
  share: number;
}

const DAY = 86_400_000;
const toTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
export const addDays = (iso: string, days: number) => new Date(toTime(iso) + days * DAY).toISOString().slice(0, 10);
export const daysBetween = (start: string, end: string) => Math.round((toTime(end) - toTime(start)) / DAY);

/** The first day of the calendar month, quarter or year that contains the date. */
const calendarStart = (iso: string, interval: BillingInterval) => {
  const [year, month] = iso.split('-').map(Number) as [number, number];
  const first = interval === 'yearly' ? 1 : interval === 'quarterly' ? Math.floor((month - 1) / 3) * 3 + 1 : month;
  return `${String(year).padStart(4, '0')}-${String(first).padStart(2, '0')}-01`;
};

/** Where period `index` starts in full (before the retainer's own start and end are applied). */
const fullStartOf = (schedule: RetainerSchedule, index: number) => {
  const step = MONTHS[schedule.interval];
  const origin = schedule.anchor === 'calendar' ? calendarStart(schedule.startDate, schedule.interval) : schedule.startDate;
  return addMonths(origin, index * step);
};

/** Period `index` of the retainer, or null when it starts after the retainer has ended. */
export const periodAt = (schedule: RetainerSchedule, index: number): BillingPeriod | null => {
  const fullStart = fullStartOf(schedule, index);
  const fullEnd = fullStartOf(schedule, index + 1);
  const start = index === 0 ? schedule.startDate : fullStart;
  const afterEnd = schedule.endDate ? addDays(schedule.endDate, 1) : null;
  if (afterEnd && start >= afterEnd) return null;
  const end = afterEnd && afterEnd < fullEnd ? afterEnd : fullEnd;
  const partial = start !== fullStart || end !== fullEnd;
  const share = partial && schedule.prorate ? daysBetween(start, end) / daysBetween(fullStart, fullEnd) : 1;
  return { index, start, end, fullStart, fullEnd, share };
};

/** The index of the period that starts on `date`, or of the first one starting after it. */
export const periodIndexFrom = (schedule: RetainerSchedule, date: string) => {
  const startOf = (index: number) => (index === 0 ? schedule.startDate : fullStartOf(schedule, index));
  if (date <= schedule.startDate) return 0;
  const [y0, m0] = fullStartOf(schedule, 0).split('-').map(Number) as [number, number];
  const [y, m] = date.split('-').map(Number) as [number, number];
  let index = Math.max(0, Math.floor(((y - y0) * 12 + (m - m0)) / MONTHS[schedule.interval]) - 1);
  while (startOf(index) < date) index += 1;
  while (index > 0 && startOf(index - 1) >= date) index -= 1;
  return index;
};

/**
 * The periods to bill now: from the one starting at `nextRunDate` up to and including the one
 * that has started by `today`, each billed at its start. Days or months of downtime come back as
 * several periods, in order.
 */
export const duePeriods = (schedule: RetainerSchedule, nextRunDate: string, today: string, limit = 120): BillingPeriod[] => {
  const due: BillingPeriod[] = [];
  for (let index = periodIndexFrom(schedule, nextRunDate); due.length < limit; index += 1) {
    const period = periodAt(schedule, index);
    if (!period || period.start > today) break;
    due.push(period);
  }
  return due;
};

/** The period a day falls in (the first one before the retainer starts, the last one after it ends). */
export const periodOn = (schedule: RetainerSchedule, day: string): BillingPeriod => {
  const last = schedule.endDate && day > schedule.endDate ? schedule.endDate : day;
  const index = Math.max(0, periodIndexFrom(schedule, addDays(last, 1)) - 1);
  return periodAt(schedule, index) ?? periodAt(schedule, 0)!;
};
