/**
 * Admin API: the firm's side of message threads beyond reading and replying (`/clientia/...`,
 * admin JWT). Files go with a message as they do from the portal: multipart/form-data, up to 5
 * files in the field `files`, at most 25 MiB together, each recognised by content.
 */
import type { GetThreadResponse } from './admin';

/**
 * POST /clientia/clients/:documentId/threads (records action): a new thread with the client, its
 * subject and the firm's first message, checked by the same schema as a contact's new thread
 * (`startThreadRequest` in portal-threads.ts). JSON `{ subject, body }`, or multipart/form-data
 * with the same text fields and the files in `files`. → 201 with the thread and its message.
 */
export type StartStaffThreadResponse = GetThreadResponse;

/**
 * POST /clientia/threads/:documentId/messages (records action) takes the same multipart form with
 * `body` and `files` besides JSON `{ body }`.
 */

/** GET /clientia/inbox/awaiting (read action): open threads with a client's message the firm has not read yet. */
export interface AwaitingThreadsResponse {
  data: { threads: number };
}
