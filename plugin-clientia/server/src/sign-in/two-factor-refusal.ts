import { errors } from '@strapi/utils';

import { publicError } from './http-errors';

/**
 * Answers Strapi's error classes have no status for: 409 (the account's state does not allow it)
 * and 410 (a link or challenge that no longer works). Thrown by the sign-in services, written out
 * by `answerRefusal` in the controller, in the same `{ error }` shape as every other error.
 */
export class SignInRefusal extends Error {
  constructor(
    readonly status: 409 | 410,
    message: string,
    readonly field: string | null = null
  ) {
    super(message);
    this.name = status === 409 ? 'ConflictError' : 'GoneError';
  }
}

const fieldDetails = (field: string | null, message: string, name: string) => (field ? { errors: [{ path: [field], message, name }] } : {});

/** A 401 that names the field whose code was wrong (as an HTTP error: Strapi would strip an UnauthorizedError's message). */
export const wrongCode = (field: string, message: string) => publicError(401, message, fieldDetails(field, message, 'UnauthorizedError'));

export const isWrongCode = (error: unknown) => error instanceof Error && (error as { status?: unknown }).status === 401;

/** A 429 that names the field and says until when. */
export const lockedOut = (field: string, until: Date) => {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  const message = `Too many wrong codes. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
  return new errors.RateLimitError(message, { ...fieldDetails(field, message, 'RateLimitError'), retryAfter: until.toISOString() });
};

interface HttpLike {
  status: number;
  body: unknown;
}

/** Runs a controller action; a refusal becomes its 409 or 410, anything else goes on to Strapi. */
export const answerRefusal = async (ctx: HttpLike, action: () => Promise<void>): Promise<void> => {
  try {
    await action();
  } catch (error) {
    if (!(error instanceof SignInRefusal)) throw error;
    ctx.status = error.status;
    ctx.body = {
      data: null,
      error: { status: error.status, name: error.name, message: error.message, details: fieldDetails(error.field, error.message, error.name) },
    };
  }
};
