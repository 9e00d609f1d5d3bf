import type { ThreadMessage } from '../../../shared/contracts/admin';
import { isoDateTime, relation, relationList, STAFF_FIELDS, staffName, text, type Row } from './values';

export const MESSAGE_FIELDS = ['id', 'documentId', 'body', 'authorType', 'createdAt'] as const;

export const MESSAGE_POPULATE = {
  authorStaff: { select: [...STAFF_FIELDS] },
  authorContact: { select: ['id', 'username', 'email'] },
  attachments: { select: ['id', 'name', 'url', 'size'] },
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
    attachments: relationList(row, 'attachments').map((file) => ({
      name: text(file.name),
      url: text(file.url),
      // The upload plugin records sizes in kilobytes; the API speaks bytes.
      size: Math.round(Number(file.size ?? 0) * 1024),
    })),
  };
};
