import type { PortalMessage, PortalThread, PortalThreadDetail, ThreadStatus } from '../../../../shared/contracts/portal-threads';
import { assertClientSafe } from '../client-safe';
import { isoDateTime, text, type Row } from '../../repositories/rows';
import { UID } from '../../constants';

export const PORTAL_THREAD_FIELDS = assertClientSafe(UID.thread, [
  'id',
  'documentId',
  'subject',
  'state',
  'lastMessageAt',
  'clientReadAt',
]);

/** Unread on the client side: a message came after the client last read it (or they never did). */
const isUnreadByClient = (row: Row) => {
  const last = isoDateTime(row.lastMessageAt);
  if (!last) return false;
  const read = isoDateTime(row.clientReadAt);
  return !read || Date.parse(last) > Date.parse(read);
};

export const serializePortalThread = (row: Row, messageCount: number): PortalThread => ({
  documentId: text(row.documentId),
  subject: text(row.subject),
  status: text(row.state) as ThreadStatus,
  lastMessageAt: isoDateTime(row.lastMessageAt),
  unread: isUnreadByClient(row),
  messageCount,
});

export const serializePortalThreadDetail = (row: Row, messageCount: number, messages: PortalMessage[]): PortalThreadDetail => ({
  ...serializePortalThread(row, messageCount),
  messages,
});
