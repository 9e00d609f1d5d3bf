/**
 * Portal API: the client's licences and their seats (`/api/clientia/licences`, `/seats`).
 * Everyone may look; owners and admins assign and free seats.
 */
import type { PortalList } from './portal';

export type LicenceStatus = 'active' | 'cancelled' | 'expired';
export type SeatStatus = 'assigned' | 'vacant';

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
export type ListLicencesResponse = PortalList<PortalLicence>;

/** GET /seats?licence=<documentId>&status=assigned|vacant&page&pageSize&sort=createdAt|assigneeName|assignedAt */
export type ListSeatsResponse = PortalList<PortalSeat>;

/** PUT /seats/:id */
export interface AssignSeatRequest {
  assigneeName: string;
  assigneeEmail: string;
}
export interface SeatResponse {
  data: PortalSeat;
}
/** DELETE /seats/:id/assignee answers SeatResponse with the seat vacant. */
