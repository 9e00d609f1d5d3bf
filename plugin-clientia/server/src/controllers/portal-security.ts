import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import {
  endSessionsRequest,
  passwordChangeRequest,
  type SignInSessionSummary,
  type SecurityOverview,
  type SignedIn,
} from '../../../shared/contracts/sign-in';
import { portalContext, type PortalContext } from '../portal/context';
import { requestedId } from '../http/record-id';
import { recordSignInEvent } from '../sign-in/activity';
import { securityOverview } from '../sign-in/overview';
import { changePassword } from '../sign-in/password';
import { requestContext, type SignInHttpContext } from '../sign-in/request';
import { endSession, endSessions, listSessions } from '../sign-in/sessions';
import { parseBody, parseQuery } from '../validation/parse';
import { portalQuery } from '../../../shared/contracts/portal';

export interface SecurityRequest extends SignInHttpContext {
  params: Record<string, string | undefined>;
  query: Record<string, unknown>;
  request: SignInHttpContext['request'] & { body?: unknown };
  state: { portal?: PortalContext; user?: { id: number; password?: string | null } };
  body: unknown;
  status: number;
  set(field: string, value: string): void;
}

const SESSION_NOT_FOUND = 'No such session of yours is open';

/**
 * The contact's own sign-in settings and sessions. They belong to the account, not to a client:
 * the same answer whichever client the contact acts for.
 */
const portalSecurity = ({ strapi }: { strapi: Core.Strapi }) => {
  const logEnded = (ctx: SecurityRequest, portal: PortalContext, reason: string, ended: number) => {
    if (ended === 0) return Promise.resolve();
    const { ip, userAgent } = requestContext(ctx, strapi);
    return recordSignInEvent(strapi, { userId: portal.user.id, verb: 'session-ended', details: { reason, sessionsEnded: ended, ip, userAgent, by: portal.signInSession.documentId } });
  };

  return {
    async overview(ctx: SecurityRequest) {
      parseQuery(portalQuery, ctx.query);
      const portal = portalContext(ctx);
      const data: SecurityOverview = await securityOverview(strapi, portal.user.id);
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = { data };
    },

    async sessions(ctx: SecurityRequest) {
      parseQuery(portalQuery, ctx.query);
      const portal = portalContext(ctx);
      const data: SignInSessionSummary[] = await listSessions(strapi, { id: portal.user.id, password: ctx.state.user?.password ?? null }, portal.signInSession.documentId);
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = { data };
    },

    async endSession(ctx: SecurityRequest) {
      parseQuery(portalQuery, ctx.query);
      const portal = portalContext(ctx);
      const id = requestedId(ctx.params, SESSION_NOT_FOUND);
      const reason = id === portal.signInSession.documentId ? 'signed-out' : 'ended-by-contact';
      if (!(await endSession(strapi, portal.user.id, id, reason))) throw new errors.NotFoundError(SESSION_NOT_FOUND);
      await logEnded(ctx, portal, reason, 1);
      ctx.status = 204;
      ctx.body = null;
    },

    async endOthers(ctx: SecurityRequest) {
      parseQuery(portalQuery, ctx.query);
      parseBody(endSessionsRequest, ctx.request.body);
      const portal = portalContext(ctx);
      // A token without a session has no "this one" to keep: every session is another.
      const ended = await endSessions(strapi, portal.user.id, { except: portal.signInSession.documentId, reason: 'ended-others' });
      await logEnded(ctx, portal, 'ended-others', ended);
      ctx.body = { data: { ended } };
    },

    async endAll(ctx: SecurityRequest) {
      parseQuery(portalQuery, ctx.query);
      parseBody(endSessionsRequest, ctx.request.body);
      const portal = portalContext(ctx);
      const ended = await endSessions(strapi, portal.user.id, { reason: 'ended-all' });
      await logEnded(ctx, portal, 'ended-all', ended);
      ctx.body = { data: { ended } };
    },

    async changePassword(ctx: SecurityRequest) {
      parseQuery(portalQuery, ctx.query);
      const input = parseBody(passwordChangeRequest, ctx.request.body);
      const portal = portalContext(ctx);
      const data: SignedIn = await changePassword(strapi, ctx, { userId: portal.user.id, ...input, session: portal.signInSession });
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = { data };
    },
  };
};

export default portalSecurity;
