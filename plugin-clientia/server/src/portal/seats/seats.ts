import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { ListQuery } from '../../../../shared/contracts/portal';
import { LICENCE_FILTER, type ListSeatsResponse, type PortalSeat, type SEAT_SORTS } from '../../../../shared/contracts/portal-seats';
import { fieldError } from '../../domain/errors';
import { UID } from '../../constants';
import { PORTAL_SEAT_FIELDS, PORTAL_SEAT_POPULATE, serializePortalSeat } from '../../serializers/portal/seat';
import { documents, linkedTo, records } from '../../repositories/records';
import type { Row } from '../../repositories/rows';
import type { PortalContext } from '../context';
import { paginationMeta } from '../../serializers/pagination';

const NOT_FOUND = 'Seat not found';

const ASSIGNED = { assigneeEmail: { $notNull: true, $ne: '' } };
const VACANT = { $or: [{ assigneeEmail: { $null: true } }, { assigneeEmail: '' }] };

/** A licence filter must name one of the client's own licences; a foreign one reads as unknown. */
const licenceFilter = async (strapi: Core.Strapi, portal: PortalContext, value: string | undefined) => {
  if (value === undefined) return null;
  const licence = await records(strapi, UID.licence).findOne({ select: ['id'], where: { documentId: value, client: { id: portal.client.id } } });
  if (!licence) throw fieldError('licence', LICENCE_FILTER);
  return Number(licence.id);
};

export const listSeats = async (
  strapi: Core.Strapi,
  portal: PortalContext,
  { page, pageSize, sort, filters, licence }: ListQuery<(typeof SEAT_SORTS)[number], 'status'> & { licence?: string }
): Promise<ListSeatsResponse> => {
  const licenceId = await licenceFilter(strapi, portal, licence);
  const where: Record<string, unknown> = {
    ...linkedTo(strapi, UID.seat, 'client', portal.client.id),
    ...(licenceId ? { licence: { id: licenceId } } : {}),
    ...(filters.status === 'assigned' ? ASSIGNED : filters.status === 'vacant' ? VACANT : {}),
  };
  const [rows, total] = await Promise.all([
    records(strapi, UID.seat).findMany({
      select: [...PORTAL_SEAT_FIELDS],
      where,
      populate: PORTAL_SEAT_POPULATE,
      orderBy: [{ [sort.field]: sort.direction }, { id: 'asc' }],
      offset: (page - 1) * pageSize,
      limit: pageSize,
    }),
    records(strapi, UID.seat).count({ where }),
  ]);
  return { data: rows.map(serializePortalSeat), meta: paginationMeta(page, pageSize, Number(total)) };
};

const findSeat = async (strapi: Core.Strapi, portal: PortalContext, documentId: string) => {
  const seat = await records(strapi, UID.seat).findOne({
    select: [...PORTAL_SEAT_FIELDS],
    where: { documentId, client: { id: portal.client.id } },
    populate: { licence: { select: ['id', 'documentId', 'product', 'state'] } },
  });
  if (!seat) throw new errors.NotFoundError(NOT_FOUND);
  return seat;
};

const reload = async (strapi: Core.Strapi, seat: Row): Promise<PortalSeat> => {
  const row = await records(strapi, UID.seat).findOne({ select: [...PORTAL_SEAT_FIELDS], where: { id: seat.id }, populate: PORTAL_SEAT_POPULATE });
  return serializePortalSeat(row!);
};

/**
 * Names the person a seat is for. The write goes through the Document Service: the seat rule
 * counts assigned seats under a lock on the licence and refuses the one past capacity.
 */
export const assignSeat = async (
  strapi: Core.Strapi,
  portal: PortalContext,
  documentId: string,
  assignee: { assigneeName: string; assigneeEmail: string }
): Promise<PortalSeat> => {
  const seat = await findSeat(strapi, portal, documentId);
  const licence = seat.licence as Row;
  if (licence.state !== 'active') throw fieldError('assigneeEmail', `${String(licence.product)} is ${String(licence.state)}; its seats can no longer be assigned`);
  const twin = await records(strapi, UID.seat).count({
    where: { licence: { id: licence.id }, assigneeEmail: assignee.assigneeEmail, id: { $ne: seat.id } },
  });
  if (Number(twin) > 0) throw fieldError('assigneeEmail', `already has a seat of ${String(licence.product)}`);
  if (seat.assigneeEmail !== assignee.assigneeEmail || seat.assigneeName !== assignee.assigneeName) {
    await documents(strapi, UID.seat).update({ documentId, data: { ...assignee } });
  }
  return reload(strapi, seat);
};

/** Frees a seat; freeing a vacant seat changes nothing and says so by answering the same seat. */
export const freeSeat = async (strapi: Core.Strapi, portal: PortalContext, documentId: string): Promise<PortalSeat> => {
  const seat = await findSeat(strapi, portal, documentId);
  if (seat.assigneeEmail || seat.assigneeName) {
    await documents(strapi, UID.seat).update({ documentId, data: { assigneeEmail: null, assigneeName: null } });
  }
  return reload(strapi, seat);
};
