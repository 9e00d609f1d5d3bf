
export const today = () => new Date().toISOString().slice(0, 10);

export const addDays = (isoDate: string, days: number) => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

export const addMonths = (iso: string, months: number) => {
  const [year, month, day] = parts(iso);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return first.toISOString().slice(0, 10);
};

/** Calendar arithmetic on YYYY-MM-DD dates; the periods themselves are in billing/schedule.ts. */

const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];
