import { errors } from '@strapi/utils';

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
