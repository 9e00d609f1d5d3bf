/**
 * Amounts, quantities, rates and calendar dates as a client reads them in their locale, in text the
 * standard PDF fonts can draw. Intl decides the symbols, separators and order; the digits are
 * always Latin and the separators plain, because the fonts carry WinAnsi only.
 */
import { canonicalLocale } from '../i18n';

/** Tells whether the font can draw every character of the text. */
type CanDraw = (text: string) => boolean;

/**
 * Intl's spacing and minus signs as the plain characters WinAnsi has: narrow and other special
 * spaces become a space and U+2212 a hyphen-minus, so '−1 234,00 €' does not print as '?1?234,00 ?';
 * direction marks are invisible anyway and dropped.
 */
export const plainSeparators = (text: string): string =>
  text
    .replace(/\p{Zs}/gu, ' ')
    .replace(/\u2212/g, '-')
    .replace(/\p{Cf}/gu, '');

/** How many minor units a currency has (JPY 0, EUR 2, KWD 3); 2 for a code Intl does not accept. */
export const fractionDigitsOf = (currency: string): number => {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
};

/** The formats of one document, in its locale and currency. */
export interface DocumentFormats {
  locale: string;
  /** Minor units as an amount with the currency, e.g. '€1,785.00' or '1.785,00 €'. */
  money(minor: number): string;
  /** A quantity with up to three decimals. */
  quantity(value: number): string;
  /** A tax rate in percent, '19 %' or '7,5 %'. */
  percent(rate: number): string;
  /** A YYYY-MM-DD calendar date as the locale writes it; anything else as it is. */
  date(isoDate: string): string;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar date as midnight UTC, or null; formatted in UTC too, so no zone shifts the day. */
export const calendarDate = (isoDate: string): Date | null => {
  const match = CALENDAR_DATE.exec(isoDate);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over into March; such a string is not a date.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
};

/** The day before a YYYY-MM-DD date (for periods whose end is exclusive), or the value unchanged. */
export const dayBefore = (isoDate: string): string => {
  const date = calendarDate(isoDate);
  if (!date) return isoDate;
  return new Date(date.getTime() - 86_400_000).toISOString().slice(0, 10);
};

/** The first candidate whose text the font can draw, else the last one. */
const firstDrawable = (candidates: (() => string)[], canDraw: CanDraw): string => {
  let text = '';
  for (const candidate of candidates) {
    text = plainSeparators(candidate());
    if (canDraw(text)) return text;
  }
  return text;
};

/**
 * The formats for a locale and currency. Where the locale's own output cannot be drawn (Arabic
 * currency signs, Cyrillic month names) the next plainer form is used: the currency code instead of
 * its sign, numeric dates, and finally English.
 */
export const documentFormats = (locale: string, currency: string, canDraw: CanDraw): DocumentFormats => {
  const tag = canonicalLocale(locale);
  const digits = fractionDigitsOf(currency);
  const latin = { numberingSystem: 'latn' } as const;

  // Every form Intl accepts for the currency, plainest last; none for a code it does not accept.
  const currencyFormats = [tag, 'en'].flatMap((forLocale) =>
    (['symbol', 'code'] as const).flatMap((currencyDisplay) => {
      try {
        return [
          new Intl.NumberFormat(forLocale, {
            ...latin,
            style: 'currency',
            currency,
            currencyDisplay,
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          }),
        ];
      } catch {
        return [];
      }
    }),
  );
  const plainNumber = new Intl.NumberFormat(tag, { ...latin, minimumFractionDigits: digits, maximumFractionDigits: digits });
  const quantityFormat = new Intl.NumberFormat(tag, { ...latin, maximumFractionDigits: 3 });
  const rateFormat = new Intl.NumberFormat(tag, { ...latin, maximumFractionDigits: 2 });
  const dateFormats = [
    new Intl.DateTimeFormat(tag, { ...latin, calendar: 'gregory', dateStyle: 'medium', timeZone: 'UTC' }),
    new Intl.DateTimeFormat(tag, { ...latin, calendar: 'gregory', year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }),
    new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }),
  ];

  return {
    locale: tag,
    money(minor) {
      if (!Number.isSafeInteger(minor)) throw new Error(`not a whole number of minor units: ${minor}`);
      // Exact for every safe integer: the nearest double to minor / 10^digits rounds back to it at `digits` places.
      const major = minor / 10 ** digits;
      if (currencyFormats.length === 0) return firstDrawable([() => `${plainNumber.format(major)} ${currency}`, () => `${major.toFixed(digits)} ${currency}`], canDraw);
      return firstDrawable(
        currencyFormats.map((format) => () => format.format(major)),
        canDraw,
      );
    },
    quantity: (value) => plainSeparators(quantityFormat.format(value)),
    percent: (rate) => `${plainSeparators(rateFormat.format(rate))} %`,
    date(isoDate) {
      const date = calendarDate(isoDate);
      if (!date) return isoDate;
      return firstDrawable(
        dateFormats.map((format) => () => format.format(date)),
        canDraw,
      );
    },
  };
};
