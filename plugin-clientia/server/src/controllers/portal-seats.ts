import type { Core } from '@strapi/strapi';

import {
  assignSeatRequest,
  listLicencesQuery,
  listSeatsQuery,
  type ListLicencesResponse,
  type ListSeatsResponse,
  type SeatResponse,
} from '../../../shared/contracts/portal-seats';
import { portalQuery } from '../../../shared/contracts/portal';
import { portalContext, type PortalContext } from '../portal/context';
import { requestedId } from '../http/record-id';
import { listLicences } from '../portal/seats/licences';
import { assignSeat, freeSeat, listSeats } from '../portal/seats/seats';
import { parseBody, parseQuery } from '../validation/parse';

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
    const query = parseQuery(listLicencesQuery, ctx.query);
    const body: ListLicencesResponse = await listLicences(strapi, portalContext(ctx), query);
    ctx.body = body;
  },

  async seats(ctx: PortalSeatsContext) {
    const query = parseQuery(listSeatsQuery, ctx.query);
    const body: ListSeatsResponse = await listSeats(strapi, portalContext(ctx), query);
    ctx.body = body;
  },

  async assign(ctx: PortalSeatsContext) {
    parseQuery(portalQuery, ctx.query);
    const portal = portalContext(ctx);
    const assignee = parseBody(assignSeatRequest, ctx.request.body);
    const body: SeatResponse = { data: await assignSeat(strapi, portal, seatId(ctx), assignee) };
    ctx.body = body;
  },

  async free(ctx: PortalSeatsContext) {
    parseQuery(portalQuery, ctx.query);
    const body: SeatResponse = { data: await freeSeat(strapi, portalContext(ctx), seatId(ctx)) };
    ctx.body = body;
  },
});

export default portalSeats;
