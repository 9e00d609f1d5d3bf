/** Message threads between the client and the firm: /api/clientia/threads... */
import type { PortalList } from './portal';

export type ThreadStatus = 'open' | 'closed';

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

/** Query: page, pageSize, sort (lastMessageAt|subject, :asc|:desc), status. */
export type ListThreadsResponse = PortalList<PortalThread>;
export interface GetThreadResponse {
  data: PortalThreadDetail;
}

/**
 * POST /threads → 201 with the thread. JSON, or multipart/form-data with the same text fields and
 * up to 5 files in `files` (each a PDF, image, text/CSV or Office file; at most 25 MiB together).
 */
export interface StartThreadRequest {
  subject: string;
  body: string;
}
export type StartThreadResponse = GetThreadResponse;

/**
 * POST /threads/:id/messages → 201; refused (400, status) when the thread is closed. JSON, or
 * multipart/form-data with `body` and up to 5 files in `files`, as for a new thread.
 */
export interface PostMessageRequest {
  body: string;
}
export interface PostMessageResponse {
  data: PortalMessage;
}

/** GET /threads/:id/attachments/:messageId/:key → the file itself, as an attachment. */

/** POST /threads/:id/read with an empty body. */
export interface MarkThreadReadResponse {
  data: { unread: false };
}
