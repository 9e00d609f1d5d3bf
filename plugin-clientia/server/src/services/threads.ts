import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { GetThreadResponse, InboxThread, ListThreadsResponse, ThreadMessage } from '../../../shared/contracts/admin';
import { UID } from '../rules/helpers';
import { MESSAGE_FIELDS, MESSAGE_POPULATE, serializeMessage, type ContactNames } from '../serializers/message';
import { pagination } from '../serializers/pagination';
import { serializeInboxThread, THREAD_FIELDS } from '../serializers/thread';
import { CLIENT_REF_FIELDS, type Row } from '../serializers/values';
import { countByRelation, documents, ids, linkedTo, records } from './records';

export type ThreadState = 'open' | 'closed';

export interface ThreadListQuery {
  page: number;
  pageSize: number;
  state?: ThreadState;
}

/** A thread shows its latest messages, up to this many. */
export const THREAD_MESSAGE_LIMIT = 500;

const withClient = { client: { select: [...CLIENT_REF_FIELDS] } };

const threads = ({ strapi }: { strapi: Core.Strapi }) => {
  const findThread = async (documentId: string) => {
    const thread = await records(strapi, UID.thread).findOne({ select: [...THREAD_FIELDS], where: { documentId }, populate: withClient });
    if (!thread) throw new errors.NotFoundError('No thread has this documentId');
    return thread;
  };

  const messageCount = async (thread: Row) =>
    (await countByRelation(strapi, UID.message, 'thread', [Number(thread.id)])).get(Number(thread.id)) ?? 0;

  /** One query for the names of every contact who wrote in the thread, from their memberships. */
  const contactNames = async (thread: Row, messages: Row[]): Promise<ContactNames> => {
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

  const loadMessage = async (id: unknown) => {
    const row = await records(strapi, UID.message).findOne({ select: [...MESSAGE_FIELDS], where: { id }, populate: MESSAGE_POPULATE });
    return serializeMessage(row!);
  };

  return {
    async list({ page, pageSize, state }: ThreadListQuery): Promise<ListThreadsResponse> {
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
    },

    /** One thread with its messages, oldest first; opening it marks it read by staff. */
    async get(documentId: string): Promise<GetThreadResponse['data']> {
      const thread = await findThread(documentId);
      const [latest, count] = await Promise.all([
        records(strapi, UID.message).findMany({
          select: [...MESSAGE_FIELDS],
          where: { thread: { id: thread.id } },
          populate: MESSAGE_POPULATE,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          limit: THREAD_MESSAGE_LIMIT,
        }),
        messageCount(thread),
      ]);
      const staffReadAt = new Date();
      // A read marker, not a change to the thread: written directly so that opening a thread
      // neither fills the audit log nor shows up in the client's activity feed.
      await records(strapi, UID.thread).update({ where: { id: thread.id }, data: { staffReadAt } });
      const names = await contactNames(thread, latest);
      return {
        ...serializeInboxThread({ ...thread, staffReadAt }, count),
        messages: latest.reverse().map((message) => serializeMessage(message, names)),
      };
    },

    /** A staff reply, written through the Document Service so the thread's markers follow. */
    async reply(documentId: string, body: string, staffId: number): Promise<ThreadMessage> {
      await findThread(documentId);
      const created = await documents(strapi, UID.message).create({
        data: { thread: documentId, body, authorType: 'staff', authorStaff: staffId },
      });
      return loadMessage(created.id);
    },

    async setState(documentId: string, state: ThreadState): Promise<InboxThread> {
      await findThread(documentId);
      await documents(strapi, UID.thread).update({ documentId, data: { state } });
      const thread = await findThread(documentId);
      return serializeInboxThread(thread, await messageCount(thread));
    },
  };
};

export default threads;
