import { errors } from '@strapi/utils';

import { isDocumentId } from '../../../shared/contracts/fields';
import type { AdminContext } from './context';

/** A record's id from the path; one that cannot be a documentId is the same 404 as a missing record. */
export const pathId = (ctx: AdminContext, name: string): string => {
  const value = ctx.params[name];
  if (!isDocumentId(value)) throw new errors.NotFoundError('Not found');
  return value;
};
