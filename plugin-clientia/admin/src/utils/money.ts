import type { Money } from '../../../shared/contracts/money';
import { currencyDigits } from '../../../shared/money';

export { currencyDigits };

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
