/** Message threads between the client and the firm: /api/clientia/threads... */
import { z } from 'zod';

import { storableText } from './fields';
import { listQuery, type PortalList } from './portal';

export const THREAD_STATUSES = ['open', 'closed'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];
export const THREAD_SORTS = ['lastMessageAt', 'subject'] as const;

export const THREAD_SUBJECT_MAX = 300;
export const MESSAGE_BODY_MAX = 20_000;
/** Files a message may carry, in the multipart field `files`. */
export const ATTACHMENTS_FIELD = 'files';
export const MAX_ATTACHMENTS = 5;
/** All files of one message together, whatever their number. */
export const ATTACHMENTS_MAX_BYTES = 25 * 1024 * 1024;

export interface PortalThread {
  documentId: string;
  subject: string;
  status: ThreadStatus;
  lastMessageAt: string | null;
  /** A message arrived after the client side last read the thread. */
  unread: boolean;
  messageCount: number;
}

/** A file attached to a message, downloaded from `downloadUrl` with the caller's JWT. */
export interface PortalAttachment {
  key: string;
  fileName: string;
  mimeType: string;
  /** Bytes. */
  size: number;
  /** /api/clientia/threads/:id/attachments/:messageId/:key */
  downloadUrl: string;
}

export interface PortalMessage {
  documentId: string;
  body: string;
  authorType: 'staff' | 'contact';
  authorName: string;
  createdAt: string;
  attachments: PortalAttachment[];
}

export interface PortalThreadDetail extends PortalThread {
  /** Oldest first. */
  messages: PortalMessage[];
}

/** GET /threads?page&pageSize&sort=lastMessageAt|subject(:asc|:desc)&status */
export const listThreadsQuery = listQuery({
  sortable: THREAD_SORTS,
  defaultSort: { field: 'lastMessageAt', direction: 'desc' },
  filters: { status: THREAD_STATUSES },
});
export type ListThreadsResponse = PortalList<PortalThread>;
export interface GetThreadResponse {
  data: PortalThreadDetail;
}

/**
 * POST /threads → 201 with the thread. JSON, or multipart/form-data with the same text fields and
 * up to 5 files in `files` (each a PDF, image, text/CSV or Office file; at most 25 MiB together).
 */
export const startThreadRequest = z.strictObject({
  subject: storableText(THREAD_SUBJECT_MAX),
  body: storableText(MESSAGE_BODY_MAX),
});
export type StartThreadRequest = z.infer<typeof startThreadRequest>;
export type StartThreadResponse = GetThreadResponse;

/**
 * POST /threads/:id/messages → 201; refused (400, status) when the thread is closed. JSON, or
 * multipart/form-data with `body` and up to 5 files in `files`, as for a new thread.
 */
export const postMessageRequest = z.strictObject({
  body: storableText(MESSAGE_BODY_MAX),
});
export type PostMessageRequest = z.infer<typeof postMessageRequest>;
export interface PostMessageResponse {
  data: PortalMessage;
}

/** GET /threads/:id/attachments/:messageId/:key → the file itself, as an attachment. */

/** POST /threads/:id/read with an empty body. */
export interface MarkThreadReadResponse {
  data: { unread: false };
}
