import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { text, textOrNull, wholeNumber, type Row } from '../repositories/rows';
import { attachmentsOf, loadAttachments, MissingAttachmentError, removeAttachments } from './attachments';
import { CLAIM_MS, nextAttemptAfter } from './backoff';
import { emailSent } from './listeners';
import { redactLinkSecrets } from './redact';

interface DrainOptions {
  /** The clock (tests move it forward to reach a retry). */
  now?: Date;
  /** At most this many emails in one run. */
  limit?: number;
  /** Asked before each email; false ends the run early (the process is shutting down). */
  keepGoing?: () => boolean;
}

export interface DrainReport {
  sent: number;
  /** Failed this time, queued again for later. */
  retried: number;
  /** Failed for good (no attempts left, or an attachment is gone). */
  failed: number;
  /** Emails this run claimed; another sender had the rest. */
  claimed: number;
}

const DEFAULT_LIMIT = 50;
const BATCH = 20;
const ERROR_LENGTH = 2000;

interface UpdateManyQuery {
  findMany(params: Record<string, unknown>): Promise<Row[]>;
  findOne(params: Record<string, unknown>): Promise<Row | null>;
  updateMany(params: Record<string, unknown>): Promise<{ count: number }>;
}

const outbox = (strapi: Core.Strapi) => strapi.db.query(UID.outboundEmail as never) as unknown as UpdateManyQuery;

/** Due now: queued and its time has come, or claimed by a sender whose claim ran out (it crashed). */
const due = (now: Date) => ({
  $or: [
    { state: 'queued', nextAttemptAt: { $lte: now } },
    { state: 'queued', nextAttemptAt: { $null: true } },
    { state: 'sending', lockedUntil: { $lt: now } },
  ],
});

/**
 * Takes one email for this sender: a single conditional UPDATE, so of several instances draining
 * at once exactly one changes the row, and only that one sends it.
 */
const claim = async (strapi: Core.Strapi, id: number, now: Date): Promise<Date | null> => {
  const until = new Date(now.getTime() + CLAIM_MS);
  const { count } = await outbox(strapi).updateMany({ where: { id, ...due(now) }, data: { state: 'sending', lockedUntil: until } });
  return count === 1 ? until : null;
};

/** Writes the outcome only while the claim is still this sender's. */
const settle = async (strapi: Core.Strapi, id: number, until: Date, data: Record<string, unknown>) => {
  const { count } = await outbox(strapi).updateMany({ where: { id, state: 'sending', lockedUntil: until }, data: { ...data, lockedUntil: null } });
  if (count !== 1) strapi.log.warn(`[clientia] outbound email ${id}: the claim ran out before its result was recorded`);
};

const domainOf = (address: string) => /@([A-Za-z0-9.-]+)>?\s*$/.exec(address)?.[1] ?? null;

const errorText = (error: unknown) => {
  const failure = error as { message?: unknown; responseCode?: unknown; code?: unknown };
  const message = typeof failure?.message === 'string' ? failure.message : String(error);
  const code = failure?.responseCode ?? failure?.code;
  return (code !== undefined && !message.includes(String(code)) ? `${String(code)} ${message}` : message).slice(0, ERROR_LENGTH);
};

const send = async (strapi: Core.Strapi, row: Row) => {
  const from = textOrNull(row.from) || undefined;
  const defaultFrom = text((strapi.config.get('plugin::email') as { settings?: { defaultFrom?: string } } | undefined)?.settings?.defaultFrom);
  const attachments = await loadAttachments(strapi, attachmentsOf(row.attachments));
  await strapi.plugin('email').service('email').send({
    to: text(row.to),
    ...(from ? { from } : {}),
    ...(textOrNull(row.replyTo) ? { replyTo: text(row.replyTo) } : {}),
    subject: text(row.subject),
    text: text(row.text),
    html: text(row.html) || undefined,
    // The same Message-ID on every attempt: a mail server that did take an earlier attempt (and
    // only the answer got lost) lets the recipient's client show the email once.
    messageId: `<${text(row.documentId)}@${domainOf(from ?? defaultFrom) ?? 'localhost'}>`,
    // Out-of-office replies are not sent back to automatic mail (RFC 3834).
    headers: { 'Auto-Submitted': 'auto-generated' },
    ...(attachments.length ? { attachments } : {}),
  });
};

/** The stored text and HTML once the e-mail is out of the outbox's hands. */
const withoutSecrets = (row: Row) => ({
  text: redactLinkSecrets(text(row.text)),
  ...(textOrNull(row.html) ? { html: redactLinkSecrets(text(row.html)) } : {}),
});

type Outcome = 'sent' | 'retried' | 'failed';

const deliverOne = async (strapi: Core.Strapi, id: number, now: Date): Promise<Outcome | null> => {
  const until = await claim(strapi, id, now);
  if (!until) return null;
  const row = await outbox(strapi).findOne({ where: { id } });
  if (!row) return null;
  try {
    await send(strapi, row);
  } catch (error) {
    const attempts = wholeNumber(row.attempts) + 1;
    const retryAt = error instanceof MissingAttachmentError ? null : nextAttemptAfter(attempts, now);
    await settle(strapi, id, until, {
      attempts,
      lastError: errorText(error),
      state: retryAt ? 'queued' : 'failed',
      nextAttemptAt: retryAt,
      ...(retryAt ? {} : withoutSecrets(row)),
    });
    strapi.log.warn(`[clientia] outbound email ${id} to ${text(row.to)} failed (attempt ${attempts}${retryAt ? `, retry at ${retryAt.toISOString()}` : ', giving up'}): ${errorText(error)}`);
    return retryAt ? 'retried' : 'failed';
  }
  await settle(strapi, id, until, { state: 'sent', sentAt: new Date(), nextAttemptAt: null, ...withoutSecrets(row) });
  // Sent: the bytes have done their job; the row keeps the names, sizes and hashes.
  await removeAttachments(strapi, attachmentsOf(row.attachments));
  await emailSent(strapi, row);
  return 'sent';
};

/**
 * Sends the emails that are due, one by one, oldest first. Safe to run in several processes at
 * once (each email is claimed before it is sent) and never throws: a failure is recorded on the
 * email and retried later with backoff.
 */
export const drainOutbox = async (strapi: Core.Strapi, options: DrainOptions = {}): Promise<DrainReport> => {
  const now = options.now ?? new Date();
  const limit = options.limit ?? DEFAULT_LIMIT;
  const keepGoing = options.keepGoing ?? (() => true);
  const report: DrainReport = { sent: 0, retried: 0, failed: 0, claimed: 0 };
  const seen = new Set<number>();
  try {
    while (report.claimed < limit && keepGoing()) {
      const rows = await outbox(strapi).findMany({
        select: ['id'],
        where: due(now),
        orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
        limit: BATCH,
      });
      const fresh = rows.map((row) => Number(row.id)).filter((id) => !seen.has(id));
      if (fresh.length === 0) break;
      for (const id of fresh) {
        if (report.claimed >= limit || !keepGoing()) break;
        seen.add(id);
        const outcome = await deliverOne(strapi, id, now);
        if (!outcome) continue;
        report.claimed += 1;
        report[outcome] += 1;
      }
    }
  } catch (error) {
    strapi.log.error(`[clientia] the email outbox could not be drained: ${errorText(error)}`);
  }
  return report;
};
