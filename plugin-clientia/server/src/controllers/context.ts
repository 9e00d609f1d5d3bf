import { errors } from '@strapi/utils';

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

/** The signed-in staff member (the admin policies have already checked there is one). */
export const staffId = (ctx: AdminContext): number => {
  const id = ctx.state.user?.id;
  if (!id) throw new errors.UnauthorizedError('Sign in to the admin panel first');
  return Number(id);
};
