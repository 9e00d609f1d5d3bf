import { errors } from '@strapi/utils';

import { fieldError } from '../domain/errors';

/**
 * The portal never forwards filters, populate or sort from the browser: any query key a route
 * does not name is refused, so a typo or a probe fails loudly instead of being ignored.
 */
export const assertQueryKeys = (query: Record<string, unknown>, allowed: readonly string[]) => {
  const unknown = Object.keys(query).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new errors.ValidationError(
      `Unknown query parameter${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
      {
        errors: unknown.map((key) => ({
          path: [key],
          message: allowed.length
            ? `${key} is not accepted here; accepted: ${allowed.join(', ')}`
            : `${key} is not accepted here; this route takes no query parameters`,
          name: 'ValidationError',
        })),
      }
    );
  }
};

/** The JSON body of a write: an object with only the keys the route names. */
export const assertBodyKeys = (body: unknown, allowed: readonly string[]): Record<string, unknown> => {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new errors.ValidationError('The request body must be a JSON object', {
      errors: [{ path: [], message: `send a JSON object with: ${allowed.join(', ')}`, name: 'ValidationError' }],
    });
  }
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new errors.ValidationError(`Unknown field${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`, {
      errors: unknown.map((key) => ({
        path: [key],
        message: `${key} is not accepted here; accepted: ${allowed.join(', ')}`,
        name: 'ValidationError',
      })),
    });
  }
  return body as Record<string, unknown>;
};

export const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 25;

/** A query value given once, as text (`?a=1&a=2` and `?a[b]=1` are refused). */
const queryText = (query: Record<string, unknown>, key: string): string | undefined => {
  const value = query[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw fieldError(key, 'must be given once, as plain text');
  return value;
};

const wholeNumberInRange = (query: Record<string, unknown>, key: string, min: number, max: number, fallback: number) => {
  const value = queryText(query, key);
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,9}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw fieldError(key, `must be a whole number from ${min} to ${max}`);
  }
  return Number(value);
};

/** page (from 1) and pageSize (1 to 100, 25 unless asked). */
export const readPagination = (query: Record<string, unknown>) => ({
  page: wholeNumberInRange(query, 'page', 1, 1_000_000, 1),
  pageSize: wholeNumberInRange(query, 'pageSize', 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
});

export const readQueryEnum = <T extends string>(query: Record<string, unknown>, key: string, allowed: readonly T[]): T | undefined => {
  const value = queryText(query, key);
  if (value === undefined || value === '') return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw fieldError(key, `must be one of: ${allowed.join(', ')}`);
  return value as T;
};

export const readQuerySearch = (query: Record<string, unknown>, key: string, max = 200): string | undefined => {
  const value = queryText(query, key)?.trim();
  if (!value) return undefined;
  if (value.length > max) throw fieldError(key, `must be at most ${max} characters`);
  return value;
};

/** Required text from a body: trimmed, non-empty, at most `max` characters. */
export const readText = (body: Record<string, unknown>, key: string, max: number): string => {
  const value = body[key];
  if (typeof value !== 'string' || !value.trim()) throw fieldError(key, 'is required, as text');
  if (value.trim().length > max) throw fieldError(key, `must be at most ${max} characters`);
  return value.trim();
};

/** Optional text that may be cleared: null or an empty string clears it. */
export const readNullableText = (body: Record<string, unknown>, key: string, max: number): string | null | undefined => {
  const value = body[key];
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value !== 'string') throw fieldError(key, 'must be text or null');
  if (value.trim().length > max) throw fieldError(key, `must be at most ${max} characters`);
  return value.trim() || null;
};

export const readEnum = <T extends string>(body: Record<string, unknown>, key: string, allowed: readonly T[]): T => {
  const value = body[key];
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw fieldError(key, `must be one of: ${allowed.join(', ')}`);
  }
  return value as T;
};

export const readOptionalBoolean = (body: Record<string, unknown>, key: string): boolean | undefined => {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw fieldError(key, 'must be true or false');
  return value;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const isEmail = (value: string) => value.length <= 254 && EMAIL.test(value);

/** An email address, trimmed and lower-cased (accounts are found by email regardless of case). */
export const readEmail = (body: Record<string, unknown>, key: string): string => {
  const value = body[key];
  if (typeof value !== 'string' || !isEmail(value.trim())) throw fieldError(key, 'must be an email address such as name@example.com');
  return value.trim().toLowerCase();
};
