import type { z } from 'zod';

import { ApiFailure } from '../../api/failure';

/** What is wrong with a field, in words the form translates. */
export type FieldProblem = 'required' | 'tooLong' | 'invalid';

type Checked<T> = { ok: true; request: T } | { ok: false; problems: Record<string, FieldProblem> };

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * Either the request to send, or what the staff member has to correct first, checked with the
 * schema the server parses the same request with. A field left empty that the schema needs is
 * "required"; one over its length "too long"; anything else "invalid".
 */
export const checkDraft = <S extends z.ZodType>(schema: S, input: Record<string, unknown>): Checked<z.output<S>> => {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, request: result.data };
  const problems: Record<string, FieldProblem> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!field || problems[field]) continue;
    problems[field] = isBlank(input[field]) ? 'required' : issue.code === 'too_big' ? 'tooLong' : 'invalid';
  }
  return { ok: false, problems };
};

/** Text as a form holds it: null shows as empty. */
export const asText = (value: string | null | undefined) => value ?? '';

/** A whole number typed into a field; what is not one goes to the schema as typed, to be refused there. */
export const asWholeNumber = (value: string): number | string => (/^\s*-?\d+\s*$/.test(value) ? Number(value) : value);

/**
 * The field a refusal of the server names, and what it says: a 400 names it at the start of its
 * message (`"seatsPurchased: 2 seats are assigned; …"`). Null when the refusal names none of the
 * form's fields; the form then shows the whole message.
 */
export const refusedField = (error: unknown, fields: readonly string[]): { field: string; message: string } | null => {
  if (!(error instanceof ApiFailure) || error.status !== 400) return null;
  const match = /^([A-Za-z]+): (.+)$/s.exec(error.message);
  if (!match || !fields.includes(match[1]!)) return null;
  const message = match[2]!;
  return { field: match[1]!, message: message.charAt(0).toUpperCase() + message.slice(1) };
};
