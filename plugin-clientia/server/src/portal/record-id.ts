import { errors } from '@strapi/utils';

/** The shape of a documentId; anything else (control characters, NUL on PostgreSQL) names no record. */
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The `:id` of a request, or the route's own 404 when it cannot be a documentId at all. */
export const requestedId = (params: Record<string, string | undefined>, notFound: string): string => {
  const id = params.id;
  if (!id || !DOCUMENT_ID.test(id)) throw new errors.NotFoundError(notFound);
  return id;
};
