import type { AttentionOverview, ClientOverview } from '../../../shared/contracts/admin';
import { clientRef, isoDate, relation, relationList, text, textOrNull, wholeNumber, type Row } from './values';

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
