import { errors } from '@strapi/utils';

import { fieldDetails, fieldRefusal, hasStatus } from '../domain/errors';

/** A 401 that names the field whose code was wrong. */
export const wrongCode = (field: string, message: string) => fieldRefusal(401, field, message);

export const isWrongCode = (error: unknown) => hasStatus(error, 401);

/** A 429 that names the field and says until when. */
export const lockedOut = (field: string, until: Date) => {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  const message = `Too many wrong codes. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
  return new errors.RateLimitError(message, { ...fieldDetails(field, message, 'RateLimitError'), retryAfter: until.toISOString() });
};
