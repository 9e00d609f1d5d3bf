import { errors } from '@strapi/utils';

/** A 400 that names the field (as a path) and says what is wrong with it. */
export const fieldError = (path: string | (string | number)[], message: string) => {
  const parts = (Array.isArray(path) ? path : [path]).map(String);
  return new errors.ValidationError(`${parts.join('.')}: ${message}`, {
    errors: [{ path: parts, message, name: 'ValidationError' }],
  });
};
