import type { ClientOverview, PortalRole } from '../../../shared/contracts/admin';
import { bool, isoDateTime, relation, text, type Row } from '../repositories/rows';

export const MEMBERSHIP_FIELDS = [
  'id',
  'documentId',
  'name',
  'role',
  'signatory',
  'invitedAt',
  'acceptedAt',
  'deactivatedAt',
  // Read to tell staff whether an invitation still works; the hash itself never leaves.
  'inviteTokenHash',
  'inviteExpiresAt',
] as const;
export const CONTACT_USER_FIELDS = ['id', 'username', 'email', 'blocked'] as const;

export const serializeContact = (row: Row): ClientOverview['contacts'][number] => {
  const user = relation(row, 'user');
  return {
    membershipId: text(row.documentId),
    userId: Number(user?.id ?? 0),
    // The name the firm knows the contact by lives on the membership (the account has none).
    name: text(row.name) || text(user?.username) || text(user?.email),
    email: text(user?.email),
    role: text(row.role) as PortalRole,
    signatory: bool(row.signatory),
    invitedAt: isoDateTime(row.invitedAt),
    acceptedAt: isoDateTime(row.acceptedAt),
    invitationExpiresAt: !row.acceptedAt && row.inviteTokenHash ? isoDateTime(row.inviteExpiresAt) : null,
    deactivatedAt: isoDateTime(row.deactivatedAt),
    blocked: bool(user?.blocked),
  };
};
