import type { Core } from '@strapi/strapi';

import { type Capability, type PortalRole, can } from '../../../shared/contracts/portal';
import type { NotificationTopic } from '../../../shared/contracts/portal-preferences';
import { UID } from '../constants';
import { notificationsOf, serializePortalPreferences } from '../serializers/portal/preferences';
import { bool, relation, text, textOrNull, type Row } from '../repositories/rows';
import { records } from '../repositories/records';
import { loadFirmEmailSettings, type FirmEmailSettings } from './brand';
import { queueEmail } from './render';
import type { EmailKind, EmailVars } from './templates';
import type { EmailAttachment, QueuedEmail } from './types';
import { ACTIVE_MEMBERSHIP } from '../repositories/memberships';

/** What a contact must be allowed to see in the portal for a topic's email to make sense to them. */
const TOPIC_CAPABILITY: Record<NotificationTopic, Capability> = {
  invoices: 'billing',
  contracts: 'contracts',
  messages: 'messages',
  documents: 'documents',
  projects: 'projects',
};

/** Whether this membership's contact wants email about the topic (the portal's own defaults: on). */
export const wantsEmail = async (strapi: Core.Strapi, membershipId: number, topic: NotificationTopic): Promise<boolean> => {
  const row = await records(strapi, UID.membership).findOne({ select: ['id', 'notificationPreferences'], where: { id: membershipId } });
  return row ? notificationsOf(row.notificationPreferences)[topic] : false;
};

/** One person an email goes to, with the language and time zone it is written for. */
interface EmailContact {
  /** Null for an address that is not a portal contact (a client's billing address). */
  membershipId: number | null;
  email: string;
  name: string | null;
  role: PortalRole | null;
  signatory: boolean;
  /** BCP 47: the contact's own choice, else the client's, else the firm's. */
  locale: string;
  timeZone: string | null;
}

const CLIENT_FIELDS = ['id', 'name', 'preferredLocale', 'timezone', 'portalEnabled', 'state'];

/**
 * The client's contacts who get email about the topic: a portal account that is not blocked,
 * a role that may see the topic, the topic switched on in their preferences, and a client whose
 * portal is open (a link they cannot follow helps nobody).
 */
const contactsWantingEmail = async (
  strapi: Core.Strapi,
  clientId: number,
  topic: NotificationTopic,
  firm?: FirmEmailSettings
): Promise<EmailContact[]> => {
  const client = await records(strapi, UID.client).findOne({ select: CLIENT_FIELDS, where: { id: clientId } });
  if (!client || !bool(client.portalEnabled) || client.state === 'archived') return [];
  const firmLocale = (firm ?? (await loadFirmEmailSettings(strapi))).defaultLocale;
  const fallbackLocale = textOrNull(client.preferredLocale) || firmLocale;
  const memberships = await records(strapi, UID.membership).findMany({
    select: ['id', 'documentId', 'name', 'role', 'signatory', 'language', 'notificationPreferences', 'invitedAt', 'acceptedAt'],
    where: { client: { id: clientId }, ...ACTIVE_MEMBERSHIP },
    populate: { user: { select: ['id', 'email', 'username', 'blocked'] } },
    orderBy: { id: 'asc' },
  });
  const seen = new Set<string>();
  const contacts: EmailContact[] = [];
  for (const membership of memberships) {
    const user = relation(membership, 'user');
    const email = text(user?.email).trim();
    const role = text(membership.role) as PortalRole;
    if (!user || bool(user.blocked) || !email || seen.has(email.toLowerCase())) continue;
    // Invited but not yet accepted: they have agreed to nothing, the invitation is all they get.
    if (membership.invitedAt && !membership.acceptedAt) continue;
    if (!can(role, TOPIC_CAPABILITY[topic])) continue;
    const preferences = serializePortalPreferences(membership, fallbackLocale);
    if (!preferences.notifications[topic]) continue;
    seen.add(email.toLowerCase());
    contacts.push({
      membershipId: Number(membership.id),
      email,
      name: textOrNull(membership.name)?.trim() || textOrNull(user.username) || null,
      role,
      signatory: bool(membership.signatory),
      locale: preferences.language,
      timeZone: textOrNull(client.timezone),
    });
  }
  return contacts;
};

/** What to send one contact; null sends them nothing. */
interface ContactEmail<K extends EmailKind> {
  vars: EmailVars[K];
  attachments?: EmailAttachment[];
  /** Overrides the key made from `dedupeKey` and the address. */
  dedupeKey?: string | null;
  notBefore?: Date;
}

interface NotifyContactsOptions<K extends EmailKind> {
  clientId: number;
  topic: NotificationTopic;
  kind: K;
  build(contact: EmailContact): ContactEmail<K> | null | Promise<ContactEmail<K> | null>;
  /** Each email's dedupe key is this plus `:` and the recipient's address, e.g. `invoice_issued:<invoiceId>`. */
  dedupeKey?: string;
  /**
   * Addresses that are not portal contacts but get it too (a client's billing address); in the
   * client's language. An address that belongs to one of the client's contacts follows that
   * contact's own choice instead.
   */
  alsoTo?: string[];
}

const memberAddresses = async (strapi: Core.Strapi, clientId: number) => {
  const rows = await records(strapi, UID.membership).findMany({
    select: ['id'],
    where: { client: { id: clientId }, ...ACTIVE_MEMBERSHIP },
    populate: { user: { select: ['email'] } },
  });
  return new Set(rows.map((row: Row) => text(relation(row, 'user')?.email).trim().toLowerCase()).filter(Boolean));
};

const extraRecipients = async (
  strapi: Core.Strapi,
  firm: FirmEmailSettings,
  clientId: number,
  addresses: string[],
  already: EmailContact[]
): Promise<EmailContact[]> => {
  const wanted = addresses.map((address) => address.trim()).filter(Boolean);
  if (wanted.length === 0) return [];
  const client = await records(strapi, UID.client).findOne({ select: CLIENT_FIELDS, where: { id: clientId } });
  if (!client) return [];
  // With the portal closed nobody's preferences apply: the address gets it either way.
  const portalOpen = bool(client.portalEnabled) && client.state !== 'archived';
  const members = portalOpen ? await memberAddresses(strapi, clientId) : new Set<string>();
  const taken = new Set(already.map((contact) => contact.email.toLowerCase()));
  const locale = textOrNull(client.preferredLocale) || firm.defaultLocale;
  const extra: EmailContact[] = [];
  for (const email of wanted) {
    const key = email.toLowerCase();
    if (taken.has(key) || members.has(key)) continue;
    taken.add(key);
    extra.push({ membershipId: null, email, name: textOrNull(client.name), role: null, signatory: false, locale, timeZone: textOrNull(client.timezone) });
  }
  return extra;
};

/**
 * Queues one email of `kind` for each contact of the client who wants the topic, each in their
 * own language. Runs in the caller's transaction when there is one, like `enqueue`.
 */
export const notifyContacts = async <K extends EmailKind>(strapi: Core.Strapi, options: NotifyContactsOptions<K>): Promise<QueuedEmail[]> => {
  const firm = await loadFirmEmailSettings(strapi);
  const contacts = await contactsWantingEmail(strapi, options.clientId, options.topic, firm);
  const recipients = [...contacts, ...(await extraRecipients(strapi, firm, options.clientId, options.alsoTo ?? [], contacts))];
  const queued: QueuedEmail[] = [];
  for (const contact of recipients) {
    const email = await options.build(contact);
    if (!email) continue;
    const dedupeKey = email.dedupeKey ?? (options.dedupeKey ? `${options.dedupeKey}:${contact.email.toLowerCase()}` : null);
    queued.push(
      await queueEmail(
        strapi,
        {
          kind: options.kind,
          to: { email: contact.email, name: contact.name, locale: contact.locale, timeZone: contact.timeZone },
          vars: email.vars,
          attachments: email.attachments,
          dedupeKey,
          clientId: options.clientId,
          notBefore: email.notBefore,
        },
        firm
      )
    );
  }
  return queued;
};
