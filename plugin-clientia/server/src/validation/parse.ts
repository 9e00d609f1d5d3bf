/**
 * validation/ is this adapter and one `<area>.ts` per area, named like the area's contract file in
 * shared/contracts/ (`validation/portal-documents.ts` ↔ `shared/contracts/portal-documents.ts`),
 * holding only what a schema cannot say (the files of a multipart upload, where a route names a
 * body that is not an object). The rules themselves are the schemas in shared/contracts/, which
 * the admin panel and the portal read too.
 *
 * Every request body and query is parsed here, through its schema, before any feature runs. A
 * refusal is Strapi's `ValidationError` (a 400) in the shape the APIs have always answered with:
 * `details.errors[]` of `{ path, message, name: 'ValidationError' }`, the path naming the field,
 * and for one problem the message `"<path>: <message>"` (for several, each of them, in the order
 * of the schema's fields). Unknown keys are refused by name first, before anything else is said
 * about the request.
 */
import { errors } from '@strapi/utils';
import { z } from 'zod';

import { fieldDetails, fieldError, type FieldPath } from '../domain/errors';

type Where = 'body' | 'query';

interface Problem {
  path: (string | number)[];
  message: string;
}

/** The keys an object schema names, looked up through its transforms, refinements and wrappers; null for any other schema. */
const namedKeys = (schema: z.ZodType): string[] | null => {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodPipe) return namedKeys(schema.in as z.ZodType);
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    return namedKeys(schema.unwrap() as z.ZodType);
  }
  return null;
};

const unknownKeys = (where: Where, keys: string[], accepted: string[]) => {
  const subject = where === 'body' ? 'field' : 'query parameter';
  const takes = accepted.length
    ? `accepted: ${accepted.join(', ')}`
    : `this route takes no ${where === 'body' ? 'fields' : 'query parameters'}`;
  return new errors.ValidationError(`Unknown ${subject}${keys.length > 1 ? 's' : ''}: ${keys.join(', ')}`, {
    errors: keys.map((key) => fieldDetails(key, `${key} is not accepted here; ${takes}`).errors[0]),
  });
};

const pathOf = (path: readonly PropertyKey[]) => path.map((part) => (typeof part === 'symbol' ? String(part) : part));

/** Each issue as the field it is about and what is wrong with it. */
const problemsOf = (issues: readonly z.core.$ZodIssue[]): Problem[] =>
  issues.flatMap((issue): Problem[] => {
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: [...pathOf(issue.path), key], message: issue.message }));
    // A record's key that is not allowed: what the key's own schema says about it.
    if (issue.code === 'invalid_key') return [{ path: pathOf(issue.path), message: issue.issues[0]?.message ?? issue.message }];
    return [{ path: pathOf(issue.path), message: issue.message }];
  });

/** One problem per field, the first one found: what follows from it (a length check on a value of the wrong type) says nothing more. */
const firstPerField = (problems: Problem[]) => {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = JSON.stringify(problem.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

const refusalOf = (where: Where, problems: Problem[]) => {
  const located = firstPerField(problems).map((problem) => ({ path: (problem.path.length ? problem.path : [where]) as FieldPath, message: problem.message }));
  if (located.length === 1) return fieldError(located[0]!.path, located[0]!.message);
  const details = { errors: located.map((problem) => fieldDetails(problem.path, problem.message).errors[0]!) };
  return new errors.ValidationError(details.errors.map((entry) => `${entry.path.join('.')}: ${entry.message}`).join('; '), details);
};

/** Where a body that is not a JSON object is reported: the whole body (path `[]`), or a named path. */
export interface BodyOptions {
  notAnObjectAt?: string;
}

const notAnObject = (accepted: string[], options: BodyOptions) => {
  if (options.notAnObjectAt) return fieldError(options.notAnObjectAt, 'must be a JSON object');
  return new errors.ValidationError('The request body must be a JSON object', {
    errors: [
      {
        path: [],
        message: accepted.length ? `send a JSON object with: ${accepted.join(', ')}` : 'send an empty JSON object, or no body',
        name: 'ValidationError',
      },
    ],
  });
};

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

const parse = <S extends z.ZodType>(schema: S, input: unknown, where: Where, options: BodyOptions = {}): z.output<S> => {
  const named = namedKeys(schema);
  const accepted = named ?? [];
  // Checked here rather than left to zod, which passes over an own `__proto__` key without a word.
  const unknown = named && isObject(input) ? Object.keys(input).filter((key) => !named.includes(key)) : [];
  if (unknown.length) throw unknownKeys(where, unknown, accepted);

  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const { issues } = result.error;
  const unknownAtTop = issues.filter((issue) => issue.code === 'unrecognized_keys' && issue.path.length === 0);
  if (unknownAtTop.length) throw unknownKeys(where, unknownAtTop.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys : [])), accepted);
  if (issues.some((issue) => issue.code === 'invalid_type' && issue.path.length === 0)) throw notAnObject(accepted, options);
  throw refusalOf(where, problemsOf(issues));
};

/**
 * A request body (JSON, or the text fields of a multipart form) through its schema. A body that
 * is not an object is refused as a whole, unless the route has always named it at a path of its
 * own (`notAnObjectAt`); a route that takes nothing accepts no body at all (`noFields`).
 */
export const parseBody = <S extends z.ZodType>(schema: S, body: unknown, options: BodyOptions = {}): z.output<S> =>
  parse(schema, body, 'body', options);

/** A request's query through its schema: every key the route does not name is refused. */
export const parseQuery = <S extends z.ZodType>(schema: S, query: unknown): z.output<S> => parse(schema, query ?? {}, 'query');

/** A file as Koa's body parser (formidable) leaves it in a temporary directory. */
export interface ReceivedFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

/**
 * The one file of a multipart upload, in its field (`noun` says what kind of file: "file", "PDF";
 * `what` the thing sent, for the message). Its content is checked when it is read.
 */
export const receivedOne = (files: Record<string, unknown> | undefined, field: string, noun: string, what: string): ReceivedFile => {
  const unknown = Object.keys(files ?? {}).filter((key) => key !== field);
  if (unknown.length) throw fieldError(unknown[0]!, `is not accepted here; send the ${noun} in the field ${field}`);
  const value = files?.[field];
  if (Array.isArray(value)) throw fieldError(field, `send one ${noun} per upload`);
  if (!value || typeof (value as ReceivedFile).filepath !== 'string') {
    throw fieldError(field, `is required: send the ${what} as multipart/form-data in the field ${field}`);
  }
  return value as ReceivedFile;
};
