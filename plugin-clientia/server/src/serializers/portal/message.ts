import type { PortalAttachment, PortalMessage } from '../../../../shared/contracts/portal-threads';
import { attachmentsOf } from '../../storage/attachments';
import { assertClientSafe } from '../client-safe';
import { isoDateTime, relation, text, textOrNull, type Row } from '../../repositories/rows';
import { UID } from '../../constants';

export const PORTAL_MESSAGE_FIELDS = assertClientSafe(UID.message, ['id', 'documentId', 'body', 'authorType', 'createdAt', 'attachments']);

/** Names only: a staff member's email never reaches a client, nor another contact's. */
export const PORTAL_MESSAGE_POPULATE = {
  authorStaff: { select: ['id', 'firstname', 'lastname'] },
  authorContact: { select: ['id', 'username'] },
};

/** How the client knows who wrote: contacts by their membership name, by user id. */
export type ContactNames = ReadonlyMap<number, string>;

export const staffDisplayName = (staff: Row | null) =>
  [textOrNull(staff?.firstname), textOrNull(staff?.lastname)].filter(Boolean).join(' ');

/** Each file by name and type, downloaded through the thread; where it is stored stays on the server. */
const serializePortalAttachments = (row: Row, threadDocumentId: string): PortalAttachment[] =>
  attachmentsOf(row.attachments).map((a) => ({
    key: a.key,
    fileName: a.fileName,
    mimeType: a.mimeType,
    size: a.size,
    downloadUrl: `/api/clientia/threads/${encodeURIComponent(threadDocumentId)}/attachments/${encodeURIComponent(text(row.documentId))}/${a.key}`,
  }));

export const serializePortalMessage = (row: Row, threadDocumentId: string, contactNames: ContactNames, firmName: string): PortalMessage => {
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
    attachments: serializePortalAttachments(row, threadDocumentId),
  };
};
