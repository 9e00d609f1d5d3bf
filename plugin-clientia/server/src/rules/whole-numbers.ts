import { fieldError } from '../domain/errors';

/**
 * The largest whole number each column type takes from a caller: money columns (`biginteger`,
 * minor units) as the line items do, 10^13 (a hundred billion in major units); `integer` what a
 * 32-bit column holds. Above them a value would fail in the database or stop being exact as a
 * JavaScript number, and answer 500 instead of a 400 naming the field.
 */
const LIMITS: Record<string, bigint> = { biginteger: 10n ** 13n, integer: 2_147_483_647n };

const asWhole = (value: unknown): bigint | null => {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : null;
  if (typeof value === 'string' && /^-?\d{1,30}$/.test(value.trim())) return BigInt(value.trim());
  return null;
};

/** Refuses, naming the field, a whole-number column's value that is not one or out of its range. */
export const checkWholeNumbers = (attributes: Record<string, { type?: string }>, data: Record<string, unknown>) => {
  for (const [field, value] of Object.entries(data)) {
    const limit = LIMITS[attributes[field]?.type ?? ''];
    if (limit === undefined || value === null || value === undefined || value === '') continue;
    const whole = asWhole(value);
    if (whole === null || whole > limit || whole < -limit) throw fieldError(field, `must be a whole number from -${limit} to ${limit}`);
  }
};
