import type { PortalSeat } from '../../../../shared/contracts/portal-seats';
import { assertClientSafe } from '../client-safe';
import { isAssigned } from '../licence';
import { isoDateTime, relation, text, textOrNull, type Row } from '../../repositories/rows';
import { UID } from '../../constants';

// Assignees are people of the caller's own client: this route is about them, so their emails show.
export const PORTAL_SEAT_FIELDS = assertClientSafe(UID.seat, ['id', 'documentId', 'assigneeName', 'assigneeEmail', 'assignedAt']);

const PORTAL_SEAT_LICENCE_FIELDS = assertClientSafe(UID.licence, ['id', 'documentId', 'product']);

export const PORTAL_SEAT_POPULATE = { licence: { select: [...PORTAL_SEAT_LICENCE_FIELDS] } };

export const serializePortalSeat = (row: Row): PortalSeat => {
  const licence = relation(row, 'licence');
  const assigned = isAssigned(row);
  return {
    documentId: text(row.documentId),
    licence: { documentId: text(licence?.documentId), product: text(licence?.product) },
    status: assigned ? 'assigned' : 'vacant',
    assigneeName: assigned ? textOrNull(row.assigneeName) : null,
    assigneeEmail: assigned ? textOrNull(row.assigneeEmail) : null,
    assignedAt: assigned ? isoDateTime(row.assignedAt) : null,
  };
};
