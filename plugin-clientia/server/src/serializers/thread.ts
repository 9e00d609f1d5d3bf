import type { AttentionOverview, ClientOverview, InboxThread, PortalPreview } from '../../../shared/contracts/admin';
import { assertClientSafe } from './client-safe';
import { clientRef } from './values';
import { isoDateTime, relation, text, type Row } from '../repositories/rows';
import { UID } from '../constants';

export const THREAD_FIELDS = ['id', 'documentId', 'subject', 'state', 'lastMessageAt', 'staffReadAt'] as const;

/** Unread by staff: a message arrived after staff last opened the thread (or they never have). */
export const isUnreadByStaff = (row: Row) => {
  const last = isoDateTime(row.lastMessageAt);
  if (!last) return false;
  const read = isoDateTime(row.staffReadAt);
  return !read || Date.parse(last) > Date.parse(read);
};

type ThreadState = 'open' | 'closed';

export const serializeInboxThread = (row: Row, messageCount: number): InboxThread => ({
  documentId: text(row.documentId),
  subject: text(row.subject),
  state: text(row.state) as ThreadState,
  client: clientRef(relation(row, 'client')),
  lastMessageAt: isoDateTime(row.lastMessageAt),
  unreadByStaff: isUnreadByStaff(row),
  messageCount,
});

export const serializeOpenThread = (row: Row): AttentionOverview['openThreads'][number] => ({
  documentId: text(row.documentId),
  subject: text(row.subject),
  client: clientRef(relation(row, 'client')),
  lastMessageAt: isoDateTime(row.lastMessageAt),
  unreadByStaff: isUnreadByStaff(row),
});

export const serializeClientThread = (row: Row): ClientOverview['threads'][number] => ({
  documentId: text(row.documentId),
  subject: text(row.subject),
  state: text(row.state) as ThreadState,
  lastMessageAt: isoDateTime(row.lastMessageAt),
});

export const threadPreview = {
  uid: UID.thread,
  fields: assertClientSafe(UID.thread, ['id', 'subject', 'state', 'lastMessageAt']),
  serialize: (row: Row): PortalPreview['threads'][number] => ({
    subject: text(row.subject),
    state: text(row.state),
    lastMessageAt: isoDateTime(row.lastMessageAt),
  }),
} as const;
