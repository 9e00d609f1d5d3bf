/**
 * Money as the server reads and checks it: columns as minor units, line items from any caller.
 * The arithmetic itself is shared with the admin panel (`shared/money.ts`).
 */
import { scaled, type LineItem } from '../../../shared/money';
import { fieldError } from './errors';

export { invoiceTotals, lineTotals, type LineItem } from '../../../shared/money';

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

/** Minor units as a JSON-safe number (the API's money shape is { amount, currency }). */
export const minorToNumber = (value: bigint): number => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`amount out of range: ${value}`);
  return n;
};

/**
 * How much of each credit note (a positive amount, oldest first) goes against the invoice it
 * corrects: together never more than the invoice still has open after its payments. What does not
 * fit stays on the credit note, as credit the firm owes the client.
 */
export const creditShares = (total: bigint, paid: bigint, credits: bigint[]): bigint[] => {
  let open = total > paid ? total - paid : 0n;
  return credits.map((credit) => {
    const share = credit < open ? credit : open;
    open -= share;
    return share;
  });
};
