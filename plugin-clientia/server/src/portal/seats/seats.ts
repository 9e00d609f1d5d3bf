import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { ListSeatsResponse, PortalSeat, SeatStatus } from '../../../../shared/contracts/portal-seats';
import { fieldError } from '../../domain/errors';
import { UID } from '../../rules/helpers';
import { PORTAL_SEAT_FIELDS, PORTAL_SEAT_POPULATE, serializePortalSeat } from '../../serializers/portal/seat';
import { documents, linkedTo, records } from '../../services/records';
import type { Row } from '../../serializers/values';
import type { PortalContext } from '../context';
import { paginationMeta, parseListQuery } from '../list-query';

const SORTABLE = ['createdAt', 'assigneeName', 'assignedAt'] as const;
const STATUSES: readonly SeatStatus[] = ['assigned', 'vacant'];
const NOT_FOUND = 'Seat not found';

const ASSIGNED = { assigneeEmail: { $notNull: true, $ne: '' } };
const VACANT = { $or: [{ assigneeEmail: { $null: true } }, { assigneeEmail: '' }] };

/** A licence filter must name one of the client's own licences; a foreign one reads as unknown. */
const licenceFilter = async (strapi: Core.Strapi, portal: PortalContext, value: unknown) => {
  if (value === undefined) return null;
  const licence =
    typeof value === 'string' && value.length <= 64
      ? await records(strapi, UID.licence).findOne({ select: ['id'], where: { documentId: value, client: { id: portal.client.id } } })
      : null;
  if (!licence) throw fieldError('licence', 'must be the documentId of one of your licences');
  return Number(licence.id);
};

export const listSeats = async (strapi: Core.Strapi, portal: PortalContext, query: Record<string, unknown>): Promise<ListSeatsResponse> => {
  const { licence, ...rest } = query;
  const { page, pageSize, sort, filters } = parseListQuery(rest, {
    sortable: SORTABLE,
    defaultSort: { field: 'createdAt', direction: 'asc' },
    filters: { status: STATUSES },
  });
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
