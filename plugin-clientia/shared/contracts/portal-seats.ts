/**
 * Portal API: the client's licences and their seats (`/api/clientia/licences`, `/seats`).
 * Everyone may look; owners and admins assign and free seats.
 */
import { z } from 'zod';

import { emailAddress, requiredText } from './fields';
import { listQuery, type PortalList } from './portal';

export type LicenceStatus = 'active' | 'cancelled' | 'expired';
export type SeatStatus = 'assigned' | 'vacant';
const SEAT_STATUSES: readonly SeatStatus[] = ['assigned', 'vacant'];
export const LICENCE_SORTS = ['product', 'renewalDate'] as const;
export const SEAT_SORTS = ['createdAt', 'assigneeName', 'assignedAt'] as const;
export const ASSIGNEE_NAME_MAX = 200;

export const LICENCE_FILTER = 'must be the documentId of one of your licences';

export interface PortalLicence {
  documentId: string;
  product: string;
  plan: string | null;
  seatsPurchased: number;
  /** Seats naming a person. */
  assigned: number;
  /** Seats still free to assign: purchased minus assigned, never below zero. */
  vacant: number;
  renewalDate: string | null;
  status: LicenceStatus;
}

export interface PortalSeat {
  documentId: string;
  licence: { documentId: string; product: string };
  status: SeatStatus;
  assigneeName: string | null;
  assigneeEmail: string | null;
  assignedAt: string | null;
}

/** GET /licences?page&pageSize&sort=product|renewalDate */
export const listLicencesQuery = listQuery({ sortable: LICENCE_SORTS, defaultSort: { field: 'product', direction: 'asc' } });
export type ListLicencesResponse = PortalList<PortalLicence>;

/** GET /seats?licence=<documentId>&status=assigned|vacant&page&pageSize&sort=createdAt|assigneeName|assignedAt */
export const listSeatsQuery = listQuery({
  sortable: SEAT_SORTS,
  defaultSort: { field: 'createdAt', direction: 'asc' },
  filters: { status: SEAT_STATUSES },
  extra: { licence: z.string({ error: LICENCE_FILTER }).max(64, { error: LICENCE_FILTER, abort: true }).optional() },
});
export type ListSeatsResponse = PortalList<PortalSeat>;

/** PUT /seats/:id */
export const assignSeatRequest = z.strictObject({
  assigneeName: requiredText(ASSIGNEE_NAME_MAX),
  assigneeEmail: emailAddress(),
});
export type AssignSeatRequest = z.infer<typeof assignSeatRequest>;
export interface SeatResponse {
  data: PortalSeat;
}
/** DELETE /seats/:id/assignee answers SeatResponse with the seat vacant. */
