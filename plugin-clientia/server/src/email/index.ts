/**
 * Email to clients: written from branded, localised templates, queued in the outbox table in the
 * same transaction as the change it reports, and delivered (with retries) by a drain that runs
 * after each commit and every minute.
 */
export { loadFirmEmailSettings } from './brand';
export { drainOutbox } from './drain';
export { outboxSettled, startEmailOutbox, stopEmailOutbox, OUTBOX_CRON_JOB } from './job';
export { enqueue, requeueEmail, withdrawQueued } from './outbox';
export { onEmailSent } from './listeners';
export { notifyContacts, wantsEmail } from './preferences';
export { queueEmail, type EmailRequest } from './render';
export type { StoredAttachment } from './types';
