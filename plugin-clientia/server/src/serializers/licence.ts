import type { AttentionOverview, ClientOverview } from '../../../shared/contracts/admin';
import type { LicenceState, StaffLicence } from '../../../shared/contracts/admin-records';
import { clientRef } from './values';
import { isoDate, isoDateTime, relation, relationList, text, textOrNull, wholeNumber, type Row } from '../repositories/rows';

export const LICENCE_FIELDS = ['id', 'documentId', 'product', 'plan', 'seatsPurchased', 'renewalDate'] as const;
export const SEAT_FIELDS = ['id', 'documentId', 'assigneeName', 'assigneeEmail'] as const;

/** A seat counts as taken when it names a person's email; a blank email is a vacant seat. */
export const isAssigned = (seat: Row) => typeof seat.assigneeEmail === 'string' && seat.assigneeEmail.trim() !== '';

export const serializeLicence = (row: Row): ClientOverview['licences'][number] => {
  const seats = relationList(row, 'seats');
  return {
    documentId: text(row.documentId),
    product: text(row.product),
    plan: textOrNull(row.plan),
    purchased: wholeNumber(row.seatsPurchased),
    assigned: seats.filter(isAssigned).length,
    renewalDate: isoDate(row.renewalDate),
    seats: seats.map((seat) => ({
      documentId: text(seat.documentId),
      assigneeName: textOrNull(seat.assigneeName),
      assigneeEmail: textOrNull(seat.assigneeEmail),
    })),
  };
};

export const serializeSeatUtilisation = (row: Row, assigned: number): AttentionOverview['seatUtilisation'][number] => ({
  documentId: text(row.documentId),
  product: text(row.product),
  plan: textOrNull(row.plan),
  client: clientRef(relation(row, 'client')),
  assigned,
  purchased: wholeNumber(row.seatsPurchased),
});

export const licenceLabel = (row: Row) => (row.plan ? `${text(row.product)} (${text(row.plan)})` : text(row.product));

/** What staff edit of a licence, with every seat in the order they were made. */
export const STAFF_LICENCE_FIELDS = ['id', 'documentId', 'product', 'plan', 'state', 'seatsPurchased', 'renewalDate', 'internalNotes'] as const;
export const STAFF_SEAT_FIELDS = ['id', 'documentId', 'assigneeName', 'assigneeEmail', 'assignedAt'] as const;

export const serializeStaffLicence = (row: Row, seats: Row[]): StaffLicence => ({
  documentId: text(row.documentId),
  product: text(row.product),
  plan: textOrNull(row.plan),
  state: text(row.state) as LicenceState,
  seatsPurchased: wholeNumber(row.seatsPurchased),
  assigned: seats.filter(isAssigned).length,
  renewalDate: isoDate(row.renewalDate),
  internalNotes: textOrNull(row.internalNotes),
  seats: seats.map((seat) => ({
    documentId: text(seat.documentId),
    assigneeName: textOrNull(seat.assigneeName),
    assigneeEmail: textOrNull(seat.assigneeEmail),
    assignedAt: isoDateTime(seat.assignedAt),
  })),
});
