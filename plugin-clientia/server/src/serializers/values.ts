import type { ClientRef } from '../../../shared/contracts/admin';
import type { Money } from '../../../shared/contracts/money';
import { minorToNumber, toMinor } from '../domain/money';
import { type Row, textOrNull, text } from '../repositories/rows';

export const money = (amount: unknown, currency: unknown): Money => ({
  amount: minorToNumber(toMinor(amount)),
  currency: text(currency),
});
/** The client a record belongs to, as the admin panel links to it. */
export const CLIENT_REF_FIELDS = ['id', 'documentId', 'name'] as const;

export const clientRef = (client: Row | null): ClientRef => ({
  documentId: text(client?.documentId),
  name: text(client?.name),
});

/** Who a staff member is, in one line. */
export const staffName = (user: Row | null): string => {
  if (!user) return '';
  const name = [textOrNull(user.firstname), textOrNull(user.lastname)].filter(Boolean).join(' ');
  return name || text(user.username) || text(user.email) || `Staff #${String(user.id)}`;
};

export const STAFF_FIELDS = ['id', 'firstname', 'lastname', 'username', 'email'] as const;
