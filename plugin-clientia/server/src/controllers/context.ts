import { errors } from '@strapi/utils';
import type { PortalContext } from '../portal/context';

/** What an admin route's controller reads from Koa's context. */
export interface AdminContext {
  params: Record<string, string | undefined>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  state: { user?: { id: number } };
  body: unknown;
  status: number;
}

export const documentIdParam = (ctx: AdminContext): string => {
  const documentId = ctx.params.documentId;
  if (!documentId) throw new errors.NotFoundError('Not found');
  return documentId;
};

/**
 * Answers `{ data }` once the work is done, with the status given (201 for what was created): the
 * one body shape of the admin API. `T` is the response's data type, so a caller states what it sends.
 */
export const answerWith = async <T>(ctx: AdminContext, pending: Promise<T>, status = 200) => {
  const body: { data: T } = { data: await pending };
  ctx.status = status;
  ctx.body = body;
};

/** The signed-in staff member (the admin policies have already checked there is one). */
export const staffId = (ctx: AdminContext): number => {
  const id = ctx.state.user?.id;
  if (!id) throw new errors.UnauthorizedError('Sign in to the admin panel first');
  return Number(id);
};

/** What a portal controller reads from Koa's context. */
export interface PortalRequest {
  params: Record<string, string | undefined>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  state: { portal?: PortalContext };
  body: unknown;
  status: number;
}
