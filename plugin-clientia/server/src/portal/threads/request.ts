import { errors } from '@strapi/utils';

import { fieldError } from '../../domain/errors';
import { readText } from '../../controllers/validation';
import type { PortalContext } from '../context';

/** What a portal controller reads from Koa's context. */
export interface PortalRequest {
  params: Record<string, string | undefined>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  state: { portal?: PortalContext };
  body: unknown;
  status: number;
}

/** documentIds are short and plain; anything else names no record (and never reaches a query). */
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The `:id` of a portal route (always a documentId). A malformed id gets the same 404 as a
 * foreign or missing one.
 */
export const idParam = (ctx: PortalRequest, notFound: string): string => {
  const id = ctx.params.id;
  if (!id || !DOCUMENT_ID.test(id)) throw new errors.NotFoundError(notFound);
  return id;
};

/** An action without input still takes a JSON object, empty: anything in it is refused. */
export const emptyBody = (body: unknown) => (body === undefined || body === null ? {} : body);

/** Required text that a database can store: NUL characters are refused (PostgreSQL rejects them). */
export const readStorableText = (body: Record<string, unknown>, key: string, max: number) => {
  const value = readText(body, key, max);
  if (value.includes('\u0000')) throw fieldError(key, 'must not contain NUL characters');
  return value;
};
