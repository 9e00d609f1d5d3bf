import type { Money } from '@clientia/shared/contracts/money';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export interface Formatter {
  money(value: Money | null | undefined): string;
  /** A calendar date (YYYY-MM-DD stays the same day everywhere) or the date of a timestamp. */
  date(value: string | null | undefined): string;
  /** A moment, in the client's time zone. */
  dateTime(value: string | number | null | undefined): string;
  number(value: number, maximumFractionDigits?: number): string;
  hours(value: number): string;
  fileSize(bytes: number): string;
  /** A percentage given as a number of percent (19 means 19 %); tax rates such as 7.5 keep their fraction. */
  percent(value: number, maximumFractionDigits?: number): string;
  timeZone: string;
}

/**
 * Building an Intl formatter costs far more than using one, and a page formats dozens of amounts
 * and dates: each formatter is made once per locale and options, then reused by every page.
 */
const made = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
/** Locales come from browsers' Accept-Language headers: past this many, new ones are not kept. */
const MAX_FORMATTERS = 1_000;
const memo = <T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T => {
  let formatter = made.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    if (made.size < MAX_FORMATTERS) made.set(key, formatter);
  }
  return formatter;
};
const numberFormat = (locale: string, options: Intl.NumberFormatOptions) =>
  memo(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  memo(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));

/** Minor units per currency (JPY has none, most have two), as Intl knows them. */
const fractionDigits = (currency: string) => {
  try {
    return numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
};

const validTimeZone = (zone: string | null | undefined): string => {
  if (!zone) return 'UTC';
  try {
    dateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
};

/** Dates, money and sizes in the contact's locale and the client's time zone, through Intl. */
export const formatter = (locale: string, timeZone?: string | null): Formatter => {
  const zone = validTimeZone(timeZone);
  const dateOnly = dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateInZone = dateTimeFormat(locale, { dateStyle: 'medium', timeZone: zone });
  const moment = dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
  const units = ['B', 'kB', 'MB', 'GB'];
  return {
    timeZone: zone,
    money(value) {
      if (!value) return '—';
      const digits = fractionDigits(value.currency);
      // Negative amounts (credit notes, payments on a statement) take the locale's own sign and its
      // place ("-€86.40", "-86,40 €"); a zero worked out as -0 would print as "-€0.00".
      const major = value.amount / 10 ** digits || 0;
      try {
        return numberFormat(locale, { style: 'currency', currency: value.currency }).format(major);
      } catch {
        return `${(value.amount / 100).toFixed(2)} ${value.currency}`;
      }
    },
    date(value) {
      if (!value) return '—';
      if (DATE_ONLY.test(value)) return dateOnly.format(new Date(`${value}T00:00:00Z`));
      const parsed = new Date(value);
      return Number.isNaN(parsed.getTime()) ? value : dateInZone.format(parsed);
    },
    dateTime(value) {
      if (value === null || value === undefined || value === '') return '—';
      const parsed = new Date(value);
      return Number.isNaN(parsed.getTime()) ? String(value) : moment.format(parsed);
    },
    number(value, maximumFractionDigits = 2) {
      return numberFormat(locale, { maximumFractionDigits }).format(value);
    },
    hours(value) {
      return numberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 2 }).format(value);
    },
    fileSize(bytes) {
      let size = bytes;
      let unit = 0;
      while (size >= 1024 && unit < units.length - 1) {
        size /= 1024;
        unit += 1;
      }
      return `${numberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(size)} ${units[unit]}`;
    },
    percent(value, maximumFractionDigits = 0) {
      return numberFormat(locale, { style: 'percent', maximumFractionDigits }).format(value / 100);
    },
  };
};
