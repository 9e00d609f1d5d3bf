import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { CAPABILITIES, CLIENT_SELECTOR_HEADER, CLIENT_SELECTOR_QUERY_KEY, type Capability, type PortalRole } from '../../../shared/contracts/portal';
import { UID } from '../constants';
import { columnOf, linkTable } from '../repositories/records';
import { checkSignIn } from '../sign-in/guard';
import { signInSessionIdOf, type SignInSession } from '../sign-in/sessions';

/** Who is calling the portal API and on behalf of which client: derived, never taken from input. */
export interface PortalContext {
  user: { id: number; email: string; username: string };
  membership: { id: number; documentId: string; role: PortalRole; signatory: boolean; name: string | null };
  client: { id: number; documentId: string; name: string; currency: string; preferredLocale: string | null; timezone: string | null };
  memberships: { documentId: string; role: PortalRole; signatory: boolean; client: { documentId: string; name: string } }[];
  capabilities: ReadonlySet<Capability>;
  /** The sign-in session the caller's token names (its `sid`): a token without one is refused. */
  signInSession: SignInSession;
}


interface KoaLike {
  state: { user?: { id: number; email?: string; username?: string; blocked?: boolean; password?: string | null }; auth?: { strategy?: { name?: string } }; portal?: PortalContext };
  // A policy sees a copy of Koa's context without its getters: read through the request.
  request: { headers: Record<string, string | string[] | undefined>; query: Record<string, unknown> };
}

const header = (ctx: KoaLike, name: string) => {
  const value = ctx.request.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
};

type MembershipRow = {
  id: number;
  documentId: string;
  role: PortalRole;
  signatory: boolean;
  name: string | null;
  client: {
    id: number;
    documentId: string;
    name: string;
    currency: string;
    preferredLocale: string | null;
    timezone: string | null;
    portalEnabled: boolean;
    state: string;
    requireTwoFactor: boolean;
  } | null;
};

type FlatMembershipRow = Omit<MembershipRow, 'client'> & {
  clientId: number;
  clientDocumentId: string;
  clientName: string;
  currency: string;
  preferredLocale: string | null;
  timezone: string | null;
  portalEnabled: boolean | number;
  clientState: string;
  requireTwoFactor: boolean | number | null;
};

/**
 * The caller's active memberships with their clients in one statement (every portal request
 * starts here), joined through both link tables by their indexed columns.
 */
const membershipsOf = async (strapi: Core.Strapi, userId: number): Promise<MembershipRow[]> => {
  const membership = strapi.db.metadata.get(UID.membership);
  const client = strapi.db.metadata.get(UID.client);
  const userLink = linkTable(strapi, UID.membership, 'user');
  const clientLink = linkTable(strapi, UID.membership, 'client');
  const m = (attribute: string) => `m.${columnOf(strapi, UID.membership, attribute)}`;
  const c = (attribute: string) => `c.${columnOf(strapi, UID.client, attribute)}`;
  const rows = (await strapi.db
    .connection({ m: membership.tableName })
    .join({ ul: userLink.name }, `ul.${userLink.joinColumn.name}`, 'm.id')
    .join({ cl: clientLink.name }, `cl.${clientLink.joinColumn.name}`, 'm.id')
    .join({ c: client.tableName }, 'c.id', `cl.${clientLink.inverseJoinColumn.name}`)
    .where(`ul.${userLink.inverseJoinColumn.name}`, userId)
    // A membership the firm deactivated opens nothing, from the very next request.
    .whereNull(m('deactivatedAt'))
    .select({
      id: 'm.id',
      documentId: m('documentId'),
      role: m('role'),
      signatory: m('signatory'),
      name: m('name'),
      clientId: 'c.id',
      clientDocumentId: c('documentId'),
      clientName: c('name'),
      currency: c('currency'),
      preferredLocale: c('preferredLocale'),
      timezone: c('timezone'),
      portalEnabled: c('portalEnabled'),
      clientState: c('state'),
      requireTwoFactor: c('requireTwoFactor'),
    })) as FlatMembershipRow[];
  return rows.map((row) => ({
    id: Number(row.id),
    documentId: row.documentId,
    role: row.role,
    signatory: Boolean(row.signatory),
    name: row.name,
    client: {
      id: Number(row.clientId),
      documentId: row.clientDocumentId,
      name: row.clientName,
      currency: row.currency,
      preferredLocale: row.preferredLocale,
      timezone: row.timezone,
      // SQLite answers booleans as 0 and 1.
      portalEnabled: Boolean(row.portalEnabled),
      state: row.clientState,
      requireTwoFactor: Boolean(row.requireTwoFactor),
    },
  }));
};

/**
 * Resolves the caller's memberships and the client they act for. Only a users-permissions JWT
 * counts (an API token is refused), only clients with the portal on, and a client selector is
 * honoured only when it names one of the caller's own clients.
 */
export const resolvePortalContext = async (strapi: Core.Strapi, ctx: KoaLike): Promise<PortalContext> => {
  const user = ctx.state.user;
  if (!user || ctx.state.auth?.strategy?.name !== 'users-permissions') {
    throw new errors.ForbiddenError('The portal API is for signed-in client contacts');
  }
  if (user.blocked) throw new errors.ForbiddenError('This account is blocked');

  const [rows, signInSessionId] = await Promise.all([membershipsOf(strapi, user.id), signInSessionIdOf(strapi, ctx)]);
  const usable = rows
    .filter((row) => row.client && row.client.portalEnabled && row.client.state !== 'archived')
    .sort((a, b) => a.client!.name.localeCompare(b.client!.name) || a.id - b.id);
  // Before anything else is told: an ended sign-in is 401, a missing second factor 403.
  const signInSession = await checkSignIn(strapi, { user, sessionId: signInSessionId, requiredByClient: usable.some((row) => row.client!.requireTwoFactor) });
  if (usable.length === 0) throw new errors.ForbiddenError('This account has no client portal access');

  const fromHeader = header(ctx, CLIENT_SELECTOR_HEADER);
  const fromQuery = ctx.request.query[CLIENT_SELECTOR_QUERY_KEY];
  const selector = fromHeader || (typeof fromQuery === 'string' ? fromQuery : '');
  if (fromQuery !== undefined && typeof fromQuery !== 'string') {
    throw new errors.ValidationError('client: must be one documentId', { errors: [{ path: ['client'], message: 'must be one documentId', name: 'ValidationError' }] });
  }
  const active = selector ? usable.find((row) => row.client!.documentId === selector) : usable[0];
  if (!active) throw new errors.ForbiddenError('You are not a contact of that client');

  const client = active.client!;
  return {
    user: { id: user.id, email: user.email ?? '', username: user.username ?? '' },
    membership: { id: active.id, documentId: active.documentId, role: active.role, signatory: Boolean(active.signatory), name: active.name },
    client: { id: client.id, documentId: client.documentId, name: client.name, currency: client.currency, preferredLocale: client.preferredLocale, timezone: client.timezone },
    memberships: usable.map((row) => ({
      documentId: row.documentId,
      role: row.role,
      signatory: Boolean(row.signatory),
      client: { documentId: row.client!.documentId, name: row.client!.name },
    })),
    capabilities: CAPABILITIES[active.role] ?? new Set(),
    signInSession,
  };
};

/** The resolved context of a request the portal policy let through. */
export const portalContext = (ctx: { state: { portal?: PortalContext } }): PortalContext => {
  if (!ctx.state.portal) throw new errors.ForbiddenError('The portal API is for signed-in client contacts');
  return ctx.state.portal;
};
