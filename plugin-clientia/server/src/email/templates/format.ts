import type { Money } from '../../../../shared/contracts/money';
import { canonicalLocale } from '../../i18n';

const usableTimeZone = (timeZone: string | null | undefined) => {
  if (!timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
};

const fractionDigitsOf = (currency: string) => {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
};

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Money, dates and times as one recipient reads them: their locale, their time zone. */
export interface EmailFormats {
  locale: string;
  /** Minor units with the currency, e.g. '€1,785.00' or '1.785,00 €'. */
  money(value: Money): string;
  /** A YYYY-MM-DD calendar date, e.g. '15 December 2026'; it is the same day everywhere. */
  date(isoDate: string): string;
  /** An instant in the recipient's time zone, with the zone named. */
  dateTime(instant: Date | string): string;
}

export const emailFormats = (locale: string | null | undefined, timeZone?: string | null): EmailFormats => {
  const tag = canonicalLocale(locale);
  const zone = usableTimeZone(timeZone);
  const calendar = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  const instant = new Intl.DateTimeFormat(tag, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
    timeZoneName: 'short',
  });
  return {
    locale: tag,
    money({ amount, currency }) {
      const digits = fractionDigitsOf(currency);
      const major = amount / 10 ** digits;
      try {
        return new Intl.NumberFormat(tag, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(major);
      } catch {
        return `${major.toFixed(digits)} ${currency}`;
      }
    },
    date(isoDate) {
      const match = CALENDAR_DATE.exec(isoDate);
      if (!match) return isoDate;
      return calendar.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
    },
    dateTime(value) {
      const date = value instanceof Date ? value : new Date(value);
      return Number.isNaN(date.getTime()) ? String(value) : instant.format(date);
    },
  };
};
