import type { Core } from '@strapi/strapi';

import { loadFirmEmailSettings, type FirmEmailSettings } from './brand';
import { enqueue } from './outbox';
import { canonicalLocale } from '../i18n';
import { renderTemplate, type EmailKind, type EmailRecipient, type EmailVars } from './templates';
import type { EmailAttachment, QueuedEmail } from './types';

/** One email to one person, described by what it is about; the template writes it. */
export interface EmailRequest<K extends EmailKind> {
  kind: K;
  to: EmailRecipient;
  vars: EmailVars[K];
  attachments?: EmailAttachment[];
  dedupeKey?: string | null;
  clientId?: number | null;
  notBefore?: Date;
}

/**
 * Writes the email in the recipient's language with the firm's brand and sender, and queues it
 * (in the caller's transaction, if any). Pass `firm` when queueing several at once.
 */
export const queueEmail = async <K extends EmailKind>(strapi: Core.Strapi, request: EmailRequest<K>, firm?: FirmEmailSettings): Promise<QueuedEmail> => {
  const settings = firm ?? (await loadFirmEmailSettings(strapi));
  const rendered = renderTemplate(request.kind, settings.brand, request.to, request.vars);
  return enqueue(strapi, {
    kind: request.kind,
    to: request.to.email.trim(),
    from: settings.sender.from,
    replyTo: settings.sender.replyTo,
    ...rendered,
    language: canonicalLocale(request.to.locale),
    attachments: request.attachments,
    dedupeKey: request.dedupeKey,
    clientId: request.clientId,
    notBefore: request.notBefore,
  });
};
