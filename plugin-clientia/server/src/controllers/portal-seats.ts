import type { Core } from '@strapi/strapi';

import type { ListLicencesResponse, ListSeatsResponse, SeatResponse } from '../../../shared/contracts/portal-seats';
import { CLIENT_QUERY_KEY, portalContext, type PortalContext } from '../portal/context';
import { requestedId } from '../portal/record-id';
import { listLicences } from '../portal/seats/licences';
import { assignSeat, freeSeat, listSeats } from '../portal/seats/seats';
import { assertBodyKeys, assertQueryKeys, readEmail, readText } from './validation';

export interface PortalSeatsContext {
  params: Record<string, string | undefined>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  state: { portal?: PortalContext };
  body: unknown;
}

const seatId = (ctx: PortalSeatsContext) => requestedId(ctx.params, 'Seat not found');

const portalSeats = ({ strapi }: { strapi: Core.Strapi }) => ({
  async licences(ctx: PortalSeatsContext) {
    const body: ListLicencesResponse = await listLicences(strapi, portalContext(ctx), ctx.query);
    ctx.body = body;
  },

  async seats(ctx: PortalSeatsContext) {
    const body: ListSeatsResponse = await listSeats(strapi, portalContext(ctx), ctx.query);
    ctx.body = body;
  },

  async assign(ctx: PortalSeatsContext) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
    const portal = portalContext(ctx);
    const input = assertBodyKeys(ctx.request.body, ['assigneeName', 'assigneeEmail']);
    const assignee = { assigneeName: readText(input, 'assigneeName', 200), assigneeEmail: readEmail(input, 'assigneeEmail') };
    const body: SeatResponse = { data: await assignSeat(strapi, portal, seatId(ctx), assignee) };
    ctx.body = body;
  },

  async free(ctx: PortalSeatsContext) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
    const body: SeatResponse = { data: await freeSeat(strapi, portalContext(ctx), seatId(ctx)) };
    ctx.body = body;
  },
});

export default portalSeats;
