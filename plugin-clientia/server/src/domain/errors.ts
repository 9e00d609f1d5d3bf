/**
 * How the plugin fails: it throws, and Strapi's error middleware writes every error in one shape,
 * `{ data: null, error: { status, name, message, details } }`. Nothing sets `ctx.status` for an
 * error by hand and no controller catches a refusal to write it out itself.
 *
 * - Bad input: `fieldError`, a 400 whose `details.errors` name the field by its path.
 * - Missing, forbidden, throttled: Strapi's own classes (`errors.NotFoundError`,
 *   `errors.ForbiddenError`, `errors.RateLimitError`).
 * - `refusal` for what those classes cannot say: 409 (the record's state does not allow it), 410
 *   (a link or challenge that no longer works), and a 401 or 403 with its message and details from
 *   behind Strapi's route authorization, which answers its own error classes there with a bare
 *   "Unauthorized"/"Forbidden".
 *
 * The details callers rely on are documented in docs/portal-api.md.
 */
import { errors } from '@strapi/utils';
import createError from 'http-errors';

export type FieldPath = string | (string | number)[];

/** The `details.errors` entry that names a field. */
export const fieldDetails = (path: FieldPath, message: string, name = 'ValidationError') => ({
  errors: [{ path: (Array.isArray(path) ? path : [path]).map(String), message, name }],
});

/** A 400 that names the field (as a path) and says what is wrong with it. */
export const fieldError = (path: FieldPath, message: string) => {
  const details = fieldDetails(path, message);
  return new errors.ValidationError(`${details.errors[0]!.path.join('.')}: ${message}`, details);
};

type RefusalStatus = 401 | 403 | 409 | 410 | 411 | 415;

/** An HTTP error whose message and details reach the caller (its name follows the status: ConflictError, GoneError…). */
export const refusal = (status: RefusalStatus, message: string, details: Record<string, unknown> = {}) =>
  createError(status, message, { details, expose: true });

/** A refusal that names the field it is about, like a 400 does. */
export const fieldRefusal = (status: RefusalStatus, path: FieldPath, message: string, details: Record<string, unknown> = {}) => {
  const error = refusal(status, message);
  error.details = { ...fieldDetails(path, message, error.name), ...details };
  return error;
};

/** True for an error thrown with this status (a refusal, or any HTTP error). */
export const hasStatus = (error: unknown, status: number) => error instanceof Error && (error as { status?: unknown }).status === status;
