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

export const relation = (row: Row, key: string): Row | null => {
  const value = row[key];
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Row) : null;
};

export const relationList = (row: Row, key: string): Row[] => {
  const value = row[key];
  return Array.isArray(value) ? (value as Row[]) : [];
};

export const rowId = (row: Row | null): number | null => (row && row.id !== undefined && row.id !== null ? Number(row.id) : null);

/** A stored row as the query engine returns it, with the relations a rule asked for. */
export type Entity = Record<string, unknown> & { id: number; documentId: string };

const relationId = (value: unknown): number | null => {
  if (value && typeof value === 'object' && 'id' in value) return Number((value as { id: unknown }).id);
  return null;
};

export const idOf = (entity: Entity, relation: string) => relationId(entity[relation]);
