/**
 * Email to clients: written from branded, localised templates, queued in the outbox table in the
 * same transaction as the change it reports, and delivered (with retries) by a drain that runs
 * after each commit and every minute.
 */
export { loadFirmEmailSettings, type EmailSender, type FirmEmailSettings } from './brand';
export { drainOutbox, type DrainOptions, type DrainReport } from './drain';
export { outboxSettled, scheduleDrain, startEmailOutbox, stopEmailOutbox, OUTBOX_CRON_JOB } from './job';
export { enqueue, requeueEmail } from './outbox';
export { onEmailSent, type SentListener } from './listeners';
export { contactsWantingEmail, notifyContacts, wantsEmail, type ContactEmail, type EmailContact, type NotifyContactsOptions } from './preferences';
export { queueEmail, type EmailRequest } from './render';
export { EMAIL_KINDS, renderTemplate, type EmailBrand, type EmailKind, type EmailRecipient, type EmailVars, type RenderedEmail } from './templates';
export type { EmailAttachment, OutboundMessage, OutboxState, QueuedEmail, StoredAttachment } from './types';
