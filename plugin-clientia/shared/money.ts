/**
 * The money arithmetic every part shares: the server stores what it computes here, and the
 * admin's invoice editor shows totals computed by the same lines, so what staff see is what the
 * server stores. Amounts are integer minor units held as BigInt, never binary floating point;
 * quantities are exact to a thousandth, tax rates to a hundredth of a percent.
 */

export interface LineItem {
  description: string;
  quantity: number;
  /** Minor units of the invoice currency; negative for a discount line. */
  unitPrice: number;
  /** Percent, e.g. 19 or 7.5. */
  taxRate: number;
}

export interface LineTotals {
  net: bigint;
  tax: bigint;
}

export interface InvoiceTotals {
  subtotal: bigint;
  tax: bigint;
  total: bigint;
  paid: bigint;
  balance: bigint;
}

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

/** Half away from zero, like a person rounds money: 2.5 → 3, -2.5 → -3. */
const divideRounded = (numerator: bigint, denominator: bigint): bigint => {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (2n * d);
  return negative ? -q : q;
};

/** A decimal number as an exact integer count of 1/10^places, refusing anything finer. */
export const scaled = (value: number, places: number): bigint | null => {
  if (!Number.isFinite(value)) return null;
  const text = value.toFixed(places + 2);
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  if (/[1-9]/.test(fraction.slice(places))) return null;
  const digits = BigInt(whole + fraction.slice(0, places));
  return value < 0 ? -digits : digits;
};

export const lineTotals = (line: LineItem): LineTotals => {
  const quantityMilli = scaled(line.quantity, 3)!;
  const rateBasisPoints = scaled(line.taxRate, 2)!;
  const net = divideRounded(quantityMilli * BigInt(line.unitPrice), 1000n);
  const tax = divideRounded(net * rateBasisPoints, 10_000n);
  return { net, tax };
};

export const invoiceTotals = (lines: LineItem[], payments: bigint[]): InvoiceTotals => {
  let subtotal = 0n;
  let tax = 0n;
  for (const line of lines) {
    const totals = lineTotals(line);
    subtotal += totals.net;
    tax += totals.tax;
  }
  const total = subtotal + tax;
  const paid = payments.reduce((sum, amount) => sum + amount, 0n);
  return { subtotal, tax, total, paid, balance: total - paid };
};

/**
 * A decimal number typed by a person ("1234.5", "1 234,50", "-20") as an exact count of
 * 1/10^places, or null when it is not a number or has more decimals than `places`. The staff
 * member's own decimal separator decides; the other one, spaces and apostrophes group
 * thousands. Where their separator is absent, the other one, once and not followed by exactly
 * three digits ("12,50" typed on an English keyboard), is still read as the decimal point.
 */
export const parseDecimal = (typed: string, places: number, decimalSeparator: '.' | ',' = '.'): bigint | null => {
  const compact = typed.trim().replace(/[\s\u00a0\u202f']/g, '');
  const match = /^(-?)(\d[\d.,]*)$/.exec(compact);
  if (!match) return null;
  const [, sign, body] = match;
  const other = decimalSeparator === '.' ? ',' : '.';
  let decimal: string = decimalSeparator;
  if (!body.includes(decimalSeparator)) {
    const at = body.indexOf(other);
    if (at >= 0 && at === body.lastIndexOf(other) && body.length - at - 1 !== 3) decimal = other;
  }
  const parts = body.split(decimal);
  if (parts.length > 2) return null;
  const grouping = decimal === '.' ? ',' : '.';
  const whole = parts[0].split(grouping).join('');
  const fraction = parts[1] ?? '';
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction)) return null;
  if (fraction.replace(/0+$/, '').length > places) return null;
  const scaledValue = BigInt(whole) * 10n ** BigInt(places) + BigInt((fraction + '0'.repeat(places)).slice(0, places) || '0');
  return sign ? -scaledValue : scaledValue;
};

/**
 * An amount typed in major units ("1234.5", "1 234,50", "-20") as minor units of the currency,
 * or null when it is not an amount or has more decimals than the currency has; read as
 * `parseDecimal` reads a number.
 */
export const parseMajorUnits = (typed: string, currency: string, decimalSeparator: '.' | ',' = '.'): bigint | null =>
  parseDecimal(typed, currencyDigits(currency), decimalSeparator);

/** Minor units as plain major-unit text for an input field: 123450n EUR → "1234.50", JPY 500n → "500". */
export const majorUnitsText = (minor: bigint | number, currency: string): string => {
  const digits = currencyDigits(currency);
  const value = BigInt(minor);
  const negative = value < 0n;
  const absolute = (negative ? -value : value).toString().padStart(digits + 1, '0');
  const whole = absolute.slice(0, absolute.length - digits);
  const fraction = digits ? `.${absolute.slice(absolute.length - digits)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
};
