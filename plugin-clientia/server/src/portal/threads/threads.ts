import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type {
  ListThreadsResponse,
  PortalMessage,
  PortalThreadDetail,
  THREAD_SORTS,
} from '../../../../shared/contracts/portal-threads';
import { fieldError } from '../../domain/errors';
import { UID } from '../../constants';
import { PORTAL_MESSAGE_FIELDS, PORTAL_MESSAGE_POPULATE, serializePortalMessage } from '../../serializers/portal/message';
import { PORTAL_THREAD_FIELDS, serializePortalThread, serializePortalThreadDetail } from '../../serializers/portal/thread';
import type { Row } from '../../repositories/rows';
import { countByRelation, documents, ids, linkedTo, records } from '../../repositories/records';
import { contactNamesIn } from '../activity/contact-names';
import { firmDefaults } from '../activity/firm';
import type { PortalContext } from '../context';
import type { ListQuery } from '../../../../shared/contracts/portal';
import { paginationMeta } from '../../serializers/pagination';
import { withStoredAttachments, type AcceptedFile, type MessageAttachment } from '../../storage/attachments';

/** A thread shows its latest messages, up to this many. */
const THREAD_MESSAGE_LIMIT = 500;

export const NO_SUCH_THREAD = 'No thread has this id';

/** A thread of the caller's client; any other id, foreign or missing, is simply not found. */
const findOwnThread = async (strapi: Core.Strapi, portal: PortalContext, documentId: string) => {
  const thread = await records(strapi, UID.thread).findOne({
    select: [...PORTAL_THREAD_FIELDS],
    where: { documentId, client: { id: portal.client.id } },
  });
  if (!thread) throw new errors.NotFoundError(NO_SUCH_THREAD);
  return thread;
};

export const listThreads = async (
  strapi: Core.Strapi,
  portal: PortalContext,
  query: ListQuery<(typeof THREAD_SORTS)[number], 'status'>
): Promise<ListThreadsResponse> => {
  const where: Record<string, unknown> = linkedTo(strapi, UID.thread, 'client', portal.client.id);
  if (query.filters.status) where.state = query.filters.status;
  const { field, direction } = query.sort;
  const [rows, total] = await Promise.all([
    records(strapi, UID.thread).findMany({
      select: [...PORTAL_THREAD_FIELDS],
      where,
      orderBy: [{ [field]: direction }, { id: direction }],
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    }),
    records(strapi, UID.thread).count({ where }),
  ]);
  const counts = await countByRelation(strapi, UID.message, 'thread', ids(rows));
  return {
    data: rows.map((row) => serializePortalThread(row, counts.get(Number(row.id)) ?? 0)),
    meta: paginationMeta(query.page, query.pageSize, Number(total)),
  };
};

const authorIds = (messages: Row[]) => messages.map((m) => Number((m.authorContact as Row | null)?.id));

export const getThread = async (strapi: Core.Strapi, portal: PortalContext, documentId: string): Promise<PortalThreadDetail> => {
  const thread = await findOwnThread(strapi, portal, documentId);
  const [latest, counts, firm] = await Promise.all([
    records(strapi, UID.message).findMany({
      select: [...PORTAL_MESSAGE_FIELDS],
      where: { thread: { id: thread.id } },
      populate: PORTAL_MESSAGE_POPULATE,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      limit: THREAD_MESSAGE_LIMIT,
    }),
    countByRelation(strapi, UID.message, 'thread', [Number(thread.id)]),
    firmDefaults(strapi),
  ]);
  const names = await contactNamesIn(strapi, portal.client.id, authorIds(latest));
  const messages = latest.reverse().map((row) => serializePortalMessage(row, String(thread.documentId), names, firm.firmName));
  return serializePortalThreadDetail(thread, counts.get(Number(thread.id)) ?? 0, messages);
};

/**
 * A contact's message with its attachments. The attachments are the server's own field, so they
 * are written below the Document Service, in the caller's transaction.
 */
const writeMessage = async (strapi: Core.Strapi, portal: PortalContext, threadDocumentId: string, body: string, attachments: MessageAttachment[]) => {
  const created = await documents(strapi, UID.message).create({
    data: { thread: threadDocumentId, body, authorType: 'contact', authorContact: portal.user.id },
  });
  if (attachments.length) await records(strapi, UID.message).update({ where: { id: created.id }, data: { attachments } });
  return created;
};

/** The caller's own name in this client, as their messages show it. */
const callerNames = (portal: PortalContext) => new Map([[portal.user.id, portal.membership.name || portal.user.username]]);

/**
 * A new thread and its first message, together or not at all: both go through the Document
 * Service (rules, activity) inside one transaction, which the rules' own transactions join.
 */
export const startThread = async (
  strapi: Core.Strapi,
  portal: PortalContext,
  input: { subject: string; body: string; files?: AcceptedFile[] }
): Promise<PortalThreadDetail> => {
  const documentId = await withStoredAttachments(strapi, input.files ?? [], async (attachments) => {
    const thread = await documents(strapi, UID.thread).create({
      data: { client: portal.client.documentId, subject: input.subject, state: 'open', startedByContact: portal.user.id },
    });
    await writeMessage(strapi, portal, String(thread.documentId), input.body, attachments);
    return String(thread.documentId);
  });
  return getThread(strapi, portal, documentId);
};

/** A contact's message. Closed threads take no more: the contact starts a new one. */
export const postMessage = async (
  strapi: Core.Strapi,
  portal: PortalContext,
  documentId: string,
  input: { body: string; files?: AcceptedFile[] }
): Promise<PortalMessage> => {
  const thread = await findOwnThread(strapi, portal, documentId);
  if (thread.state === 'closed') throw fieldError('status', 'this thread is closed; start a new thread to write to the firm');
  const created = await withStoredAttachments(strapi, input.files ?? [], (attachments) =>
    writeMessage(strapi, portal, String(thread.documentId), input.body, attachments)
  );
  const row = await records(strapi, UID.message).findOne({
    select: [...PORTAL_MESSAGE_FIELDS],
    where: { id: created.id },
    populate: PORTAL_MESSAGE_POPULATE,
  });
  return serializePortalMessage(row!, String(thread.documentId), callerNames(portal), '');
};

/**
 * The client side has read the thread. A read marker, not a change to the thread: written
 * directly, so it neither fills the audit log nor shows in the client's feed.
 */
export const markThreadRead = async (strapi: Core.Strapi, portal: PortalContext, documentId: string) => {
  const thread = await findOwnThread(strapi, portal, documentId);
  await records(strapi, UID.thread).update({ where: { id: thread.id }, data: { clientReadAt: new Date() } });
  return { unread: false as const };
};
