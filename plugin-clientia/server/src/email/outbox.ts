import { createHash, randomBytes } from 'node:crypto';

import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../constants';
import { text, type Row } from '../repositories/rows';
import { attachmentsOf, removeAttachments, storeAttachments } from './attachments';
import { scheduleDrain } from './job';
import { EMAIL_KINDS } from './templates';
import type { OutboundMessage, OutboxState, QueuedEmail, StoredAttachment } from './types';

const outbox = (strapi: Core.Strapi) => strapi.db.query(UID.outboundEmail as never);

const DEDUPE_KEY_LENGTH = 255;
// One address and nothing else: a name, a list or a line break would change who gets it.
const SINGLE_ADDRESS = /^[^\s@<>,;"'()[\]\\]+@[^\s@<>,;"'()[\]\\]+\.[^\s@<>,;"'()[\]\\]+$/;

/** Keys longer than the column are hashed: two different long keys still differ. */
const dedupeKeyOf = (key: string | null | undefined) => {
  const value = key?.trim();
  if (!value) return null;
  return value.length <= DEDUPE_KEY_LENGTH ? value : `sha256:${createHash('sha256').update(value).digest('hex')}`;
};

const check = (message: OutboundMessage) => {
  if (!EMAIL_KINDS.includes(message.kind)) throw new Error(`not an email kind: ${String(message.kind)}`);
  if (!SINGLE_ADDRESS.test(message.to)) throw new Error('an email goes to exactly one address');
  if (!message.subject?.trim() || !message.text?.trim() || !message.html?.trim()) throw new Error('an email needs a subject, a text and an HTML part');
};

const queued = (row: Row, created: boolean): QueuedEmail => ({
  id: Number(row.id),
  documentId: text(row.documentId),
  state: text(row.state) as OutboxState,
  created,
});

const findByDedupeKey = async (strapi: Core.Strapi, dedupeKey: string) =>
  (await outbox(strapi).findOne({ select: ['id', 'documentId', 'state'], where: { dedupeKey } })) as Row | null;

/**
 * Runs `write` behind a savepoint: when it fails (a concurrent caller queued the same dedupe
 * key first), only the write is undone and the caller's transaction carries on. PostgreSQL would
 * otherwise refuse every later statement of that transaction.
 */
const behindSavepoint = async <T>(trx: Knex.Transaction, write: () => Promise<T>): Promise<T> => {
  const name = `clientia_email_${randomBytes(6).toString('hex')}`;
  await trx.raw(`SAVEPOINT ${name}`);
  try {
    const result = await write();
    await trx.raw(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await trx.raw(`ROLLBACK TO SAVEPOINT ${name}`);
    throw error;
  }
};

/**
 * Queues one email. Inside a caller's `strapi.db.transaction` it joins that transaction: the
 * email exists exactly when the business change does, and goes out only after the commit. Its
 * attachments are stored first and removed again if the transaction rolls back. A dedupe key
 * queued before returns that email instead of a second one.
 */
export const enqueue = async (strapi: Core.Strapi, message: OutboundMessage): Promise<QueuedEmail> => {
  check(message);
  const dedupeKey = dedupeKeyOf(message.dedupeKey);
  if (dedupeKey) {
    const existing = await findByDedupeKey(strapi, dedupeKey);
    if (existing) return queued(existing, false);
  }

  const attachments: StoredAttachment[] = await storeAttachments(strapi, message.attachments ?? []);
  const data = {
    kind: message.kind,
    to: message.to,
    from: message.from?.trim() || null,
    replyTo: message.replyTo?.trim() || null,
    subject: message.subject.replace(/\s+/g, ' ').trim(),
    text: message.text,
    html: message.html,
    language: message.language ?? null,
    attachments,
    state: 'queued',
    attempts: 0,
    nextAttemptAt: message.notBefore ?? new Date(),
    dedupeKey,
    client: message.clientId ?? null,
  };

  try {
    return await strapi.db.transaction(async ({ trx, onCommit, onRollback }) => {
      const write = () => outbox(strapi).create({ data, select: ['id', 'documentId', 'state'] }) as Promise<Row>;
      const row = dedupeKey ? await behindSavepoint(trx as Knex.Transaction, write) : await write();
      // When the caller's transaction (which this one joins) rolls back, so do the stored files.
      onRollback(() => void removeAttachments(strapi, attachments));
      onCommit(() => scheduleDrain(strapi));
      return queued(row, true);
    });
  } catch (error) {
    await removeAttachments(strapi, attachments);
    const existing = dedupeKey ? await findByDedupeKey(strapi, dedupeKey).catch(() => null) : null;
    if (existing) return queued(existing, false);
    throw error;
  }
};

/**
 * Staff ask for a failed email to be tried again: a fresh round of attempts, starting now.
 * Returns false when the email is not failed (queued and sent ones are left alone).
 */
export const requeueEmail = async (strapi: Core.Strapi, documentId: string): Promise<boolean> => {
  const { count } = (await strapi.db.query(UID.outboundEmail as never).updateMany({
    where: { documentId, state: 'failed' },
    data: { state: 'queued', attempts: 0, nextAttemptAt: new Date(), lockedUntil: null },
  })) as { count: number };
  if (count > 0) scheduleDrain(strapi);
  return count > 0;
};

/**
 * Drops the emails still waiting to be sent whose dedupe key starts with `prefix`: what they
 * announce no longer holds (a signing request that was cancelled). An email the drain has picked
 * up already goes out. In the caller's transaction; returns how many were dropped.
 */
export const withdrawQueued = async (strapi: Core.Strapi, prefix: string): Promise<number> => {
  const candidates = (await outbox(strapi).findMany({
    select: ['id', 'dedupeKey', 'attachments'],
    where: { state: 'queued', dedupeKey: { $startsWith: prefix } },
  })) as Row[];
  // LIKE reads "_" in the prefix as any character: only an exact prefix counts.
  const withdrawn = candidates.filter((row) => text(row.dedupeKey).startsWith(prefix));
  if (withdrawn.length === 0) return 0;
  await outbox(strapi).deleteMany({ where: { id: { $in: withdrawn.map((row) => Number(row.id)) }, state: 'queued' } });
  const files = withdrawn.flatMap((row) => attachmentsOf(row.attachments));
  if (files.length) await strapi.db.transaction(async ({ onCommit }) => onCommit(() => void removeAttachments(strapi, files)));
  return withdrawn.length;
};
