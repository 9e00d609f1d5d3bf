import type { Core } from '@strapi/strapi';
import { text, type Entity } from '../repositories/rows';
import { loadFirmEmailSettings } from './brand';
import { notifyContacts } from './preferences';

const idOf = (value: unknown) => (value && typeof value === 'object' ? Number((value as { id?: unknown }).id) || null : null);

/**
 * A message from the firm in a client's thread: the client's contacts who want message emails
 * hear that there is one (never what it says). Messages from contacts are the firm's to read.
 */
export const noticeNewMessage = async (strapi: Core.Strapi, message: Entity, thread: Entity) => {
  if (message.authorType !== 'staff') return;
  const clientId = idOf(message.client) ?? idOf(thread.client);
  if (!clientId) return;
  const firm = await loadFirmEmailSettings(strapi);
  await notifyContacts(strapi, {
    clientId,
    topic: 'messages',
    kind: 'new_message',
    dedupeKey: `new_message:${text(message.documentId)}`,
    build: () => ({ vars: { threadId: text(thread.documentId), threadSubject: text(thread.subject), senderName: firm.brand.firmName } }),
  });
};

/** A document the firm shares with the client (uploaded shared, or shared later). */
export const noticeSharedDocument = async (strapi: Core.Strapi, before: Entity | null, document: Entity) => {
  const sharedNow = document.visibility === 'shared' && before?.visibility !== 'shared';
  if (!sharedNow || document.uploadedByContact) return;
  const clientId = idOf(document.client);
  if (!clientId) return;
  await notifyContacts(strapi, {
    clientId,
    topic: 'documents',
    kind: 'new_document',
    dedupeKey: `new_document:${text(document.documentId)}`,
    build: () => ({ vars: { documentTitle: text(document.title), folder: typeof document.folder === 'string' ? document.folder : null } }),
  });
};
