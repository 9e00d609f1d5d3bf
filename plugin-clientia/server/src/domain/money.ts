/**
 * Money is held in integer minor units (cents) and computed with BigInt: never binary floating
 * point. Quantities are exact to a thousandth, tax rates to a hundredth of a percent.
 */
import { fieldError } from './errors';

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

const MAX_LINES = 200;
const MAX_ABS_MINOR = 10n ** 13n;

/** Reads a biginteger column as the database returns it (string on PostgreSQL, number on SQLite). */
export const toMinor = (value: unknown): bigint => {
  if (value === null || value === undefined || value === '') return 0n;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`not a whole number of minor units: ${value}`);
    return BigInt(value);
  }
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  throw new Error(`not a whole number of minor units: ${String(value)}`);
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
const scaled = (value: number, places: number): bigint | null => {
  if (!Number.isFinite(value)) return null;
  const text = value.toFixed(places + 2);
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  if (/[1-9]/.test(fraction.slice(places))) return null;
  const digits = BigInt(whole + fraction.slice(0, places));
  return value < 0 ? -digits : digits;
};

const invalid = fieldError;

/** Validates line items from any caller; throws a 400 naming the first bad field. */
export const parseLineItems = (value: unknown): LineItem[] => {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw invalid(['lineItems'], 'must be a list of line items');
  if (value.length > MAX_LINES) throw invalid(['lineItems'], `at most ${MAX_LINES} lines`);
  return value.map((raw, i): LineItem => {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      throw invalid(['lineItems', i], 'must be an object with description, quantity, unitPrice and taxRate');
    }
    const line = raw as Record<string, unknown>;
    const unknown = Object.keys(line).filter((k) => !['description', 'quantity', 'unitPrice', 'taxRate'].includes(k));
    if (unknown.length) throw invalid(['lineItems', i, unknown[0]], 'is not a line item field');
    const { description, quantity, unitPrice } = line;
    const taxRate = line.taxRate ?? 0;
    if (typeof description !== 'string' || !description.trim() || description.length > 500) {
      throw invalid(['lineItems', i, 'description'], 'must be text of 1 to 500 characters');
    }
    if (typeof quantity !== 'number' || !(quantity > 0) || quantity > 1_000_000 || scaled(quantity, 3) === null) {
      throw invalid(['lineItems', i, 'quantity'], 'must be a number above 0 (at most 3 decimals)');
    }
    if (typeof unitPrice !== 'number' || !Number.isSafeInteger(unitPrice) || BigInt(Math.abs(unitPrice)) > MAX_ABS_MINOR) {
      throw invalid(['lineItems', i, 'unitPrice'], 'must be a whole number of minor units (cents)');
    }
    if (typeof taxRate !== 'number' || taxRate < 0 || taxRate > 100 || scaled(taxRate, 2) === null) {
      throw invalid(['lineItems', i, 'taxRate'], 'must be a percentage from 0 to 100 (at most 2 decimals)');
    }
    return { description: description.trim(), quantity, unitPrice, taxRate };
  });
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

/** Minor units as a JSON-safe number (the API's money shape is { amount, currency }). */
export const minorToNumber = (value: bigint): number => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`amount out of range: ${value}`);
  return n;
};
