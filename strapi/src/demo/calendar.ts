/**
 * Demo dates are relative to the day of the first start, in UTC, so the demo always has something
 * overdue, something due this week and renewals coming up — whenever it is started.
 */
const DAY_MS = 86_400_000;

export type IsoDate = string;

const parse = (date: IsoDate) => new Date(`${date}T00:00:00Z`);
const format = (date: Date): IsoDate => date.toISOString().slice(0, 10);

export const addDays = (date: IsoDate, days: number): IsoDate => format(new Date(parse(date).getTime() + days * DAY_MS));

/** Same day of the month, or the month's last day when it has fewer days (31 Jan + 1 month = 28/29 Feb). */
export const addMonths = (date: IsoDate, months: number): IsoDate => {
  const from = parse(date);
  const target = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(from.getUTCDate(), lastDay));
  return format(target);
};

export const daysBetween = (from: IsoDate, to: IsoDate) => Math.round((parse(to).getTime() - parse(from).getTime()) / DAY_MS);

export const laterOf = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

/** A moment on a given day, for timestamps (messages, signing). */
export const at = (date: IsoDate, time: string) => new Date(`${date}T${time}:00.000Z`).toISOString();

/** "4 Mar – 3 Apr 2026", as a billing period reads on an invoice line. */
export const periodLabel = (start: IsoDate, end: IsoDate) => {
  const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const full = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const sameYear = start.slice(0, 4) === end.slice(0, 4);
  return `${(sameYear ? dayMonth : full).format(parse(start))} – ${full.format(parse(end))}`;
};

/** Today and the days around it, as the demo records name them. */
export interface Calendar {
  today: IsoDate;
  /** `day(-14)`: two weeks ago; `day(4)`: in four days. */
  day(offset: number): IsoDate;
  monthStart: IsoDate;
}

export const calendarFor = (now: Date): Calendar => {
  const today = format(now);
  return {
    today,
    day: (offset) => addDays(today, offset),
    monthStart: `${today.slice(0, 8)}01`,
  };
};

/**
 * `count` working days spread evenly from `from` to today. Hours are logged on weekdays; when the
 * range holds none (a weekend-only stretch), the days are used as they are.
 */
export const spreadDays = (from: IsoDate, to: IsoDate, count: number): IsoDate[] => {
  const span = Math.max(daysBetween(from, to), 0);
  const all = Array.from({ length: span + 1 }, (_, i) => addDays(from, i));
  const weekdays = all.filter((date) => ![0, 6].includes(parse(date).getUTCDay()));
  const pool = weekdays.length ? weekdays : all;
  if (count <= 1) return [pool[pool.length - 1]];
  return Array.from({ length: count }, (_, i) => pool[Math.round((i * (pool.length - 1)) / (count - 1))]);
};
