import type { Money } from '../../../shared/contracts/money';

/**
 * ISO 4217 minor-unit digits where they differ from two. Intl's own defaults follow CLDR,
 * which rounds some currencies differently from how amounts are stored (e.g. IQD, ISK).
 */
const ZERO_DIGIT = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
const THREE_DIGIT = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);
const FOUR_DIGIT = new Set(['CLF', 'UYW']);

export const currencyDigits = (currency: string): number => {
  const code = currency.toUpperCase();
  if (ZERO_DIGIT.has(code)) return 0;
  if (THREE_DIGIT.has(code)) return 3;
  if (FOUR_DIGIT.has(code)) return 4;
  return 2;
};

/** Integer minor units as a major-unit number: 123456 EUR cents → 1234.56. */
export const toMajorUnits = ({ amount, currency }: Money): number => amount / 10 ** currencyDigits(currency);

export const formatMoney = (money: Money, locale: string): string => {
  const digits = currencyDigits(money.currency);
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency.toUpperCase(),
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(toMajorUnits(money));
  } catch {
    // An unknown currency code must not take the page down; show it as the server sent it.
    return `${toMajorUnits(money).toFixed(digits)} ${money.currency}`;
  }
};

export const formatMoneyList = (amounts: Money[], locale: string): string =>
  amounts.map((money) => formatMoney(money, locale)).join(' · ');

export const isZero = (amounts: Money[]) => amounts.every((money) => money.amount === 0);
