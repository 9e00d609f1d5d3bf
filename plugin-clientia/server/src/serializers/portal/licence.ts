import type { LicenceStatus, PortalLicence } from '../../../../shared/contracts/portal-seats';
import { assertClientSafe } from '../client-safe';
import { isoDate, text, textOrNull, wholeNumber, type Row } from '../../repositories/rows';
import { UID } from '../../constants';

export const PORTAL_LICENCE_FIELDS = assertClientSafe(UID.licence, [
  'id',
  'documentId',
  'product',
  'plan',
  'seatsPurchased',
  'renewalDate',
  'state',
]);

export const serializePortalLicence = (row: Row, assigned: number): PortalLicence => {
  const seatsPurchased = wholeNumber(row.seatsPurchased);
  return {
    documentId: text(row.documentId),
    product: text(row.product),
    plan: textOrNull(row.plan),
    seatsPurchased,
    assigned,
    vacant: Math.max(0, seatsPurchased - assigned),
    renewalDate: isoDate(row.renewalDate),
    status: text(row.state) as LicenceStatus,
  };
};
