/**
 * The rules request fields have in common, as zod schemas. Each contract file builds its request
 * and query schemas from these, so a rule, its limit and what a refusal says are written once and
 * read by the server, the admin panel and the portal alike.
 *
 * Every message is what follows the field's path in a 400 (`"email: must be an email address…"`).
 */
import { z } from 'zod';

export const EMAIL_MAX_LENGTH = 254;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An address of the shape name@domain.tld, at most 254 characters: what mail can be sent to. */
export const isEmail = (value: string) => value.length <= EMAIL_MAX_LENGTH && EMAIL.test(value);

/** Required text: trimmed, not empty, at most `max` characters. */
export const requiredText = (max: number, required = 'is required, as text') =>
  z
    .string({ error: required })
    .trim()
    .min(1, { error: required, abort: true })
    .max(max, { error: `must be at most ${max} characters`, abort: true });

/** Required text a database can store: NUL characters are refused (PostgreSQL rejects them). */
export const storableText = (max: number) =>
  requiredText(max).refine((value) => !value.includes('\u0000'), { error: 'must not contain NUL characters', abort: true });

/** Optional text that may be cleared: null or an empty string clears it (null), left out keeps it. */
export const clearableText = (max: number) =>
  z
    .string({ error: 'must be text or null' })
    .trim()
    .max(max, { error: `must be at most ${max} characters`, abort: true })
    .transform((value) => value || null)
    .nullable()
    .optional();

/** An email address, trimmed and lower-cased (accounts are found by email regardless of case). */
export const emailAddress = (message = 'must be an email address such as name@example.com') =>
  z.string({ error: message }).trim().refine(isEmail, { error: message, abort: true }).toLowerCase();

/** One of a fixed list of words. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of: ${values.join(', ')}` });

export const flag = () => z.boolean({ error: 'must be true or false' });

/** Nothing: a write without input takes an empty JSON object, or no body at all. */
export const noFields = z.strictObject({}).nullish();

/** A route that takes no query parameters. */
export const noQuery = z.strictObject({});

const ONCE = 'must be given once, as plain text';

/** A query value given once, as text (`?a=1&a=2` and `?a[b]=1` are refused). */
const queryText = () => z.string({ error: ONCE });

/** A query filter on a fixed list of words; an empty value means no filter. */
export const queryOneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  queryText()
    .refine((value) => value === '' || (values as readonly string[]).includes(value), { error: `must be one of: ${values.join(', ')}`, abort: true })
    .transform((value) => (value === '' ? undefined : (value as T[number])))
    .optional();

/** A search term: trimmed, at most `max` characters; an empty one means no search. */
export const querySearch = (max = 200) =>
  queryText()
    .trim()
    .max(max, { error: `must be at most ${max} characters`, abort: true })
    .transform((value) => value || undefined)
    .optional();

/**
 * Pagination, the same on every list of both APIs: `page` from 1 to 100,000 (1 unless asked),
 * `pageSize` from 1 to 100 (25 unless asked), each given once as digits. A parameter that is sent
 * empty is refused like any other value that is not a number.
 */
const PAGE_MAX = 100_000;
const PAGE_SIZE_MAX = 100;
const PAGE_SIZE_DEFAULT = 25;

const wholeNumber = (min: number, max: number, fallback: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z
    .string({ error: message })
    .regex(/^\d{1,6}$/, { error: message, abort: true })
    .transform(Number)
    .refine((value) => value >= min && value <= max, { error: message })
    .default(fallback);
};

export const pagination = {
  page: wholeNumber(1, PAGE_MAX, 1),
  pageSize: wholeNumber(1, PAGE_SIZE_MAX, PAGE_SIZE_DEFAULT),
};

/** The shape of a documentId; anything else (control characters, NUL on PostgreSQL) names no record. */
export const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const isDocumentId = (value: unknown): value is string => typeof value === 'string' && DOCUMENT_ID.test(value);
