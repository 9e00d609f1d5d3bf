import { errors } from '@strapi/utils';

type PublicError = Error & { status: number; statusCode: number; expose: true; details: Record<string, unknown> };

/**
 * A 401 or 403 whose message and details reach the caller. Strapi answers an UnauthorizedError or
 * ForbiddenError thrown behind its route authorization with a bare "Unauthorized"/"Forbidden";
 * an HTTP error passes through with its message, in the same `{ data, error }` shape.
 */
export const publicError = (status: 401 | 403, message: string, details: Record<string, unknown> = {}): PublicError => {
  const error = new Error(message) as PublicError;
  Object.setPrototypeOf(error, errors.HttpError.prototype);
  error.name = status === 401 ? 'UnauthorizedError' : 'ForbiddenError';
  error.message = message;
  error.status = status;
  error.statusCode = status;
  error.expose = true;
  error.details = details;
  return error;
};
