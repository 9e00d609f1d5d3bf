import type { EmailKind } from './templates';

export type OutboxState = 'queued' | 'sending' | 'sent' | 'failed';

/** A file sent with an email; the bytes wait in the private store until the email has gone. */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** An attachment as the outbox row records it. */
export interface StoredAttachment {
  filename: string;
  contentType: string;
  storageKey: string;
  size: number;
  sha256: string;
}

/** One email, written and ready: what `enqueue` stores and the drain sends. */
export interface OutboundMessage {
  kind: EmailKind;
  /** One address, nothing else: no name, no list. */
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Unset: the email plugin's default sender. */
  from?: string;
  replyTo?: string;
  /** The locale it was written in, for staff looking at the outbox. */
  language?: string | null;
  attachments?: EmailAttachment[];
  /**
   * The same key is queued once, ever: a caller that runs twice (a retried job, a repeated
   * request) cannot send the same notice twice. E.g. `invoice_issued:<invoiceId>:<address>`.
   */
  dedupeKey?: string | null;
  /** The client it concerns, so staff can list a client's mail. */
  clientId?: number | null;
  /** Not sent before this time (default: as soon as the transaction commits). */
  notBefore?: Date;
}

export interface QueuedEmail {
  id: number;
  documentId: string;
  state: OutboxState;
  /** False when the dedupe key was queued before and that row is returned instead. */
  created: boolean;
}
