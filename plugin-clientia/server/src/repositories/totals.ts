import type { Money } from '../../../shared/contracts/money';
import { minorToNumber, toMinor } from '../domain/money';
import { text, type Row } from './rows';

/** Adds up an amount column per currency, exactly (minor units as BigInt), currencies in order. */
export const sumByCurrency = (rows: Row[], amountField: string, currencyField = 'currency'): Money[] => {
  const sums = new Map<string, bigint>();
  for (const row of rows) {
    const currency = text(row[currencyField]);
    sums.set(currency, (sums.get(currency) ?? 0n) + toMinor(row[amountField]));
  }
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => ({ amount: minorToNumber(amount), currency }));
};

/** The sum in one currency; rows in any other currency are left out. */
export const sumIn = (rows: Row[], currency: string, amountField: string): Money => {
  let sum = 0n;
  for (const row of rows) if (row.currency === currency) sum += toMinor(row[amountField]);
  return { amount: minorToNumber(sum), currency };
};
