import type { Core } from '@strapi/strapi';

import { fieldError } from '../domain/errors';
import { UID } from '../constants';

const refuse = () => {
  throw fieldError('documentId', 'Signature events are append-only: they cannot be changed or deleted');
};

/**
 * The document service already refuses to change or delete a signature event; this closes the
 * query engine too, which plugins, scripts and lifecycles can reach past the document service.
 * Only the database itself can still alter a row, and the verification shows that.
 */
export const guardSignatureEvents = (strapi: Core.Strapi) => {
  strapi.db.lifecycles.subscribe({
    models: [UID.signatureEvent],
    beforeUpdate: refuse,
    beforeUpdateMany: refuse,
    beforeDelete: refuse,
    beforeDeleteMany: refuse,
  });
};
