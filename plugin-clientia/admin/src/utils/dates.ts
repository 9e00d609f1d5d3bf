const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const parse = (value: string): Date | null => {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/**
 * A calendar date ("2026-11-30") is the same day everywhere: formatting it in UTC keeps a
 * browser west of Greenwich from showing the day before.
 */
export const formatDate = (value: string | null | undefined, locale: string): string | null => {
  if (!value) return null;
  const date = parse(value);
  if (!date) return value;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    ...(DATE_ONLY.test(value) ? { timeZone: 'UTC' } : {}),
  }).format(date);
};

export const formatDateTime = (value: string | null | undefined, locale: string): string | null => {
  if (!value) return null;
  if (DATE_ONLY.test(value)) return formatDate(value, locale);
  const date = parse(value);
  if (!date) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole calendar days from `today` to `value` (negative when it lies in the past). */
export const daysUntil = (value: string, today: Date): number | null => {
  const date = parse(value);
  if (!date) return null;
  const start = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  const target = DATE_ONLY.test(value)
    ? date.getTime()
    : Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  return Math.round((target - start) / DAY_MS);
};

export const formatFileSize = (bytes: number | null, locale: string): string | null => {
  if (bytes === null || bytes < 0) return null;
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
};
