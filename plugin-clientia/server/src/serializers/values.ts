import type { ClientRef } from '../../../shared/contracts/admin';
import type { Money } from '../../../shared/contracts/money';
import { minorToNumber, toMinor } from '../domain/money';

/** A row as the query engine returns it: only the fields that were selected, relations as asked. */
export type Row = Record<string, unknown>;

export const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export const bool = (value: unknown): boolean => value === true || value === 1 || value === '1' || value === 'true';

/** A JSON column as stored: SQLite hands back text, PostgreSQL the parsed value; unreadable text is null. */
export const jsonValue = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
};

export const wholeNumber = (value: unknown): number => {
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? n : 0;
};

export const numberOrNull = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};

/** A `date` column as YYYY-MM-DD (both drivers hand back text, but be lenient with a Date). */
export const isoDate = (value: unknown): string | null => {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  return typeof value === 'string' && value ? value.slice(0, 10) : null;
};

/** A `datetime` column as a full ISO timestamp in UTC. */
export const isoDateTime = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value as string | number);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

export const money = (amount: unknown, currency: unknown): Money => ({
  amount: minorToNumber(toMinor(amount)),
  currency: text(currency),
});

export const relation = (row: Row, key: string): Row | null => {
  const value = row[key];
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Row) : null;
};

export const relationList = (row: Row, key: string): Row[] => {
  const value = row[key];
  return Array.isArray(value) ? (value as Row[]) : [];
};

export const rowId = (row: Row | null): number | null => (row && row.id !== undefined && row.id !== null ? Number(row.id) : null);

/** The client a record belongs to, as the admin panel links to it. */
export const CLIENT_REF_FIELDS = ['id', 'documentId', 'name'] as const;

export const clientRef = (client: Row | null): ClientRef => ({
  documentId: text(client?.documentId),
  name: text(client?.name),
});

/** Who a staff member is, in one line. */
export const staffName = (user: Row | null): string => {
  if (!user) return '';
  const name = [textOrNull(user.firstname), textOrNull(user.lastname)].filter(Boolean).join(' ');
  return name || text(user.username) || text(user.email) || `Staff #${String(user.id)}`;
};

export const STAFF_FIELDS = ['id', 'firstname', 'lastname', 'username', 'email'] as const;
