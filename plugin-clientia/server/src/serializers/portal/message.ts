import type { PortalMessage } from '../../../../shared/contracts/portal-threads';
import { assertClientSafe } from '../client-safe';
import { isoDateTime, relation, text, textOrNull, type Row } from '../values';

export const PORTAL_MESSAGE_FIELDS = assertClientSafe('plugin::clientia.message', ['id', 'documentId', 'body', 'authorType', 'createdAt']);

/** Names only: a staff member's email never reaches a client, nor another contact's. */
export const PORTAL_MESSAGE_POPULATE = {
  authorStaff: { select: ['id', 'firstname', 'lastname'] },
  authorContact: { select: ['id', 'username'] },
};

/** How the client knows who wrote: contacts by their membership name, by user id. */
export type ContactNames = ReadonlyMap<number, string>;

export const staffDisplayName = (staff: Row | null) =>
  [textOrNull(staff?.firstname), textOrNull(staff?.lastname)].filter(Boolean).join(' ');

export const serializePortalMessage = (row: Row, contactNames: ContactNames, firmName: string): PortalMessage => {
  const authorType = row.authorType === 'contact' ? 'contact' : 'staff';
  const contact = relation(row, 'authorContact');
  const authorName =
    authorType === 'staff'
      ? staffDisplayName(relation(row, 'authorStaff')) || firmName
      : (contact && (contactNames.get(Number(contact.id)) || text(contact.username))) || '';
  return {
    documentId: text(row.documentId),
    body: text(row.body),
    authorType,
    authorName,
    createdAt: isoDateTime(row.createdAt) ?? '',
    // Attachments are not offered to clients yet.
    attachments: [],
  };
};
