import { fieldError } from '../domain/errors';
import type { Entity } from '../repositories/rows';

export const requireRelation = (entity: Entity, relation: string, message = 'is required') => {
  const value = entity[relation] as { id?: number } | null | undefined;
  if (!value?.id) throw fieldError(relation, message);
  return value as Entity;
};

const normalise = (value: unknown): unknown => {
  if (value && typeof value === 'object' && 'id' in (value as object)) return (value as { id: unknown }).id;
  if (Array.isArray(value)) return value.map(normalise);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return String(value);
  return value ?? null;
};

/** Compares two stored values (relations by id, numbers and big integers alike). */
const sameValue = (a: unknown, b: unknown) => JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));

/** The fields whose stored value differs between two versions of a record. */
export const changedFields = (before: Entity, after: Entity, fields: string[]) =>
  fields.filter((field) => !sameValue(before[field], after[field]));
