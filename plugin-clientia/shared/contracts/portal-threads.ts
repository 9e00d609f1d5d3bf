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

export interface PortalMessage {
  documentId: string;
  body: string;
  authorType: 'staff' | 'contact';
  authorName: string;
  createdAt: string;
  attachments: { name: string }[];
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

/** POST /threads → 201 with the thread. */
export interface StartThreadRequest {
  subject: string;
  body: string;
}
export type StartThreadResponse = GetThreadResponse;

/** POST /threads/:id/messages → 201; refused (400, status) when the thread is closed. */
export interface PostMessageRequest {
  body: string;
}
export interface PostMessageResponse {
  data: PortalMessage;
}

/** POST /threads/:id/read with an empty body. */
export interface MarkThreadReadResponse {
  data: { unread: false };
}
