import { errors } from '@strapi/utils';

import { isDocumentId } from '../../../shared/contracts/fields';

/** The `:id` of a request, or the route's own 404 when it cannot be a documentId at all. */
export const requestedId = (params: Record<string, string | undefined>, notFound: string): string => {
  const id = params.id;
  if (!isDocumentId(id)) throw new errors.NotFoundError(notFound);
  return id;
};
