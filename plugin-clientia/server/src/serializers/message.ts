import type { ThreadMessage } from '../../../shared/contracts/admin';
import { attachmentsOf } from '../storage/attachments';
import { STAFF_FIELDS, staffName } from './values';
import { isoDateTime, relation, text, type Row } from '../repositories/rows';

export const MESSAGE_FIELDS = ['id', 'documentId', 'body', 'authorType', 'createdAt', 'attachments'] as const;

export const MESSAGE_POPULATE = {
  authorStaff: { select: [...STAFF_FIELDS] },
  authorContact: { select: ['id', 'username', 'email'] },
  thread: { select: ['documentId'] },
};

const contactName = (user: Row | null, names: ContactNames) =>
  user ? names.get(Number(user.id)) || text(user.username) || text(user.email) : '';

/** Contacts' names as the firm knows them (on their memberships), by user id. */
export type ContactNames = Map<number, string>;

export const serializeMessage = (row: Row, names: ContactNames = new Map()): ThreadMessage => {
  const authorType = row.authorType === 'contact' ? 'contact' : 'staff';
  return {
    documentId: text(row.documentId),
    body: text(row.body),
    authorType,
    authorName: authorType === 'staff' ? staffName(relation(row, 'authorStaff')) : contactName(relation(row, 'authorContact'), names),
    createdAt: isoDateTime(row.createdAt) ?? '',
    attachments: attachmentsOf(row.attachments).map((file) => ({
      name: file.fileName,
      // Served by the admin API to staff with the read action, never from the public uploads.
      url: `/clientia/threads/${encodeURIComponent(text(relation(row, 'thread')?.documentId))}/attachments/${encodeURIComponent(text(row.documentId))}/${file.key}`,
      size: file.size,
    })),
  };
};
