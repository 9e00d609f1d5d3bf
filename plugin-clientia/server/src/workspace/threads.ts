import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { GetThreadResponse, InboxThread, ListInboxThreadsQuery, ListThreadsResponse, ThreadMessage } from '../../../shared/contracts/admin';
import { UID } from '../constants';
import { MESSAGE_FIELDS, MESSAGE_POPULATE, serializeMessage, type ContactNames } from '../serializers/message';
import { pagination } from '../serializers/pagination';
import { serializeInboxThread, THREAD_FIELDS } from '../serializers/thread';
import { CLIENT_REF_FIELDS } from '../serializers/values';
import type { Row } from '../repositories/rows';
import { columnOf, countByRelation, documents, ids, linkedTo, records } from '../repositories/records';
import { withStoredAttachments, type AcceptedFile, type MessageAttachment } from '../storage/attachments';

type ThreadState = 'open' | 'closed';

/** A thread shows its latest messages, up to this many. */
const THREAD_MESSAGE_LIMIT = 500;

const withClient = { client: { select: [...CLIENT_REF_FIELDS] } };

const findThread = async (strapi: Core.Strapi, documentId: string) => {
  const thread = await records(strapi, UID.thread).findOne({ select: [...THREAD_FIELDS], where: { documentId }, populate: withClient });
  if (!thread) throw new errors.NotFoundError('No thread has this documentId');
  return thread;
};

const messageCount = async (strapi: Core.Strapi, thread: Row) =>
  (await countByRelation(strapi, UID.message, 'thread', [Number(thread.id)])).get(Number(thread.id)) ?? 0;

/** One query for the names of every contact who wrote in the thread, from their memberships. */
const contactNames = async (strapi: Core.Strapi, thread: Row, messages: Row[]): Promise<ContactNames> => {
  const userIds = [...new Set(messages.map((m) => Number((m.authorContact as Row | null)?.id)).filter(Boolean))];
  const clientId = Number((thread.client as Row | null)?.id);
  if (!userIds.length || !clientId) return new Map();
  const memberships = await records(strapi, UID.membership).findMany({
    select: ['name'],
    where: { ...linkedTo(strapi, UID.membership, 'user', userIds), client: { id: clientId } },
    populate: { user: { select: ['id'] } },
  });
  return new Map(
    memberships
      .filter((m: Row) => m.name)
      .map((m: Row) => [Number((m.user as Row).id), String(m.name)] as [number, string])
  );
};

const loadMessage = async (strapi: Core.Strapi, id: unknown) => {
  const row = await records(strapi, UID.message).findOne({ select: [...MESSAGE_FIELDS], where: { id }, populate: MESSAGE_POPULATE });
  return serializeMessage(row!);
};

export const listInboxThreads = async (strapi: Core.Strapi, { page, pageSize, state }: ListInboxThreadsQuery): Promise<ListThreadsResponse> => {
  const where = state ? { state } : {};
  const [rows, total] = await Promise.all([
    records(strapi, UID.thread).findMany({
      select: [...THREAD_FIELDS],
      where,
      populate: withClient,
      orderBy: [{ lastMessageAt: 'desc' }, { id: 'desc' }],
      offset: (page - 1) * pageSize,
      limit: pageSize,
    }),
    records(strapi, UID.thread).count({ where }),
  ]);
  const counts = await countByRelation(strapi, UID.message, 'thread', ids(rows));
  return {
    data: rows.map((row) => serializeInboxThread(row, counts.get(Number(row.id)) ?? 0)),
    meta: { pagination: pagination(page, pageSize, Number(total)) },
  };
};

/** One thread with its messages, oldest first; opening it marks it read by staff. */
export const getInboxThread = async (strapi: Core.Strapi, documentId: string): Promise<GetThreadResponse['data']> => {
  const thread = await findThread(strapi, documentId);
  const [latest, count] = await Promise.all([
    records(strapi, UID.message).findMany({
      select: [...MESSAGE_FIELDS],
      where: { thread: { id: thread.id } },
      populate: MESSAGE_POPULATE,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      limit: THREAD_MESSAGE_LIMIT,
    }),
    messageCount(strapi, thread),
  ]);
  const staffReadAt = new Date();
  // A read marker, not a change to the thread: written directly so that opening a thread
  // neither fills the audit log nor shows up in the client's activity feed.
  await records(strapi, UID.thread).update({ where: { id: thread.id }, data: { staffReadAt } });
  const names = await contactNames(strapi, thread, latest);
  return {
    ...serializeInboxThread({ ...thread, staffReadAt }, count),
    messages: latest.reverse().map((message) => serializeMessage(message, names)),
  };
};

/**
 * A staff member's message, written through the Document Service so the thread's markers follow.
 * The attachments are the server's own field, written below it in the same transaction.
 */
const writeStaffMessage = async (strapi: Core.Strapi, threadDocumentId: string, body: string, attachments: MessageAttachment[], staffId: number) => {
  const created = await documents(strapi, UID.message).create({
    data: { thread: threadDocumentId, body, authorType: 'staff', authorStaff: staffId },
  });
  if (attachments.length) await records(strapi, UID.message).update({ where: { id: created.id }, data: { attachments } });
  return created;
};

/** A staff reply, with the files attached to it (stored privately, removed again if the reply is refused). */
export const replyInThread = async (
  strapi: Core.Strapi,
  documentId: string,
  input: { body: string; files?: AcceptedFile[] },
  staffId: number
): Promise<ThreadMessage> => {
  await findThread(strapi, documentId);
  const created = await withStoredAttachments(strapi, input.files ?? [], (attachments) =>
    writeStaffMessage(strapi, documentId, input.body, attachments, staffId)
  );
  return loadMessage(strapi, created.id);
};

/**
 * A thread the firm starts with a client, and its first message with any files: together or not
 * at all, like a thread a contact starts.
 */
export const startThreadWithClient = async (
  strapi: Core.Strapi,
  clientDocumentId: string,
  input: { subject: string; body: string; files?: AcceptedFile[] },
  staffId: number
): Promise<GetThreadResponse['data']> => {
  const client = await records(strapi, UID.client).findOne({ select: ['id', 'documentId'], where: { documentId: clientDocumentId } });
  if (!client) throw new errors.NotFoundError('No client has this documentId');
  const documentId = await withStoredAttachments(strapi, input.files ?? [], async (attachments) => {
    const thread = await documents(strapi, UID.thread).create({
      data: { client: String(client.documentId), subject: input.subject, state: 'open', startedByStaff: staffId },
    });
    await writeStaffMessage(strapi, String(thread.documentId), input.body, attachments, staffId);
    return String(thread.documentId);
  });
  return getInboxThread(strapi, documentId);
};

/**
 * Open threads waiting for the firm: a message arrived after staff last read the thread (or they
 * never have). One COUNT comparing the two markers in the database, which the query engine cannot.
 */
export const countThreadsAwaitingFirm = async (strapi: Core.Strapi): Promise<number> => {
  const { tableName } = strapi.db.metadata.get(UID.thread);
  const column = (attribute: string) => `${tableName}.${columnOf(strapi, UID.thread, attribute)}`;
  const last = column('lastMessageAt');
  const read = column('staffReadAt');
  const [row] = (await strapi.db
    .connection(tableName)
    .where(column('state'), 'open')
    .whereNotNull(last)
    .where((q) => q.whereNull(read).orWhereRaw('?? > ??', [last, read]))
    .count({ n: '*' })) as { n: unknown }[];
  return Number(row?.n ?? 0);
};

export const setThreadState = async (strapi: Core.Strapi, documentId: string, state: ThreadState): Promise<InboxThread> => {
  await findThread(strapi, documentId);
  await documents(strapi, UID.thread).update({ documentId, data: { state } });
  const thread = await findThread(strapi, documentId);
  return serializeInboxThread(thread, await messageCount(strapi, thread));
};
