/**
 * Billing periods of a retainer. A period starts on the retainer's start date stepped by whole
 * intervals (the day of month is kept, or the month's last day when it is shorter), so periods
 * never drift however many have passed. The current period is the latest start on or before
 * today; before the retainer starts, its first period counts as current.
 */
const MONTHS_PER_INTERVAL: Record<string, number> = { monthly: 1, quarterly: 3, yearly: 12 };

const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];

export const addMonths = (iso: string, months: number) => {
  const [year, month, day] = parts(iso);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return first.toISOString().slice(0, 10);
};

/** The current period as [start, end) in YYYY-MM-DD. */
export const currentPeriod = (startDate: string, interval: string, today: string) => {
  const step = MONTHS_PER_INTERVAL[interval] ?? 1;
  if (startDate > today) return { start: startDate, end: addMonths(startDate, step) };
  const [startYear, startMonth] = parts(startDate);
  const [year, month] = parts(today);
  let k = Math.floor(((year - startYear) * 12 + (month - startMonth)) / step);
  while (k > 0 && addMonths(startDate, k * step) > today) k -= 1;
  return { start: addMonths(startDate, k * step), end: addMonths(startDate, (k + 1) * step) };
};
