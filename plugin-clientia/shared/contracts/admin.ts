/**
 * Admin API of the plugin (`/clientia/...`, admin JWT, the plugin's RBAC actions), used by the
 * admin panels. Ids are documentIds; dates are ISO strings; money is `Money`.
 */
import { z } from 'zod';

import type { PublicBranding } from './branding';
import { clearableText, emailAddress, flag, isEmail, oneOf, pagination, queryOneOf, querySearch, requiredText, storableText } from './fields';
import type { Money } from './money';
import { PORTAL_ROLES, type PortalRole } from './portal';
import { MESSAGE_BODY_MAX, THREAD_STATUSES } from './portal-threads';

export const CLIENT_STATES = ['prospect', 'active', 'paused', 'archived'] as const;
export type ClientState = (typeof CLIENT_STATES)[number];
export type { PortalRole };

/** GET /clientia/overview — what needs the firm's attention (read action). */
export interface AttentionOverview {
  overdueInvoices: { documentId: string; number: string; client: ClientRef; dueDate: string; balance: Money; daysOverdue: number }[];
  /** Sum of overdue balances per currency. */
  overdueTotals: Money[];
  contractsAwaitingSignature: { documentId: string; number: string; title: string; client: ClientRef; state: 'sent' | 'partially_signed'; sentAt: string | null }[];
  /** Active retainers whose next run is within the next 7 days (or already due). */
  retainersAboutToBill: { documentId: string; title: string; client: ClientRef; nextRunDate: string; amount: Money; interval: string }[];
  seatUtilisation: { documentId: string; product: string; plan: string | null; client: ClientRef; assigned: number; purchased: number }[];
  openThreads: { documentId: string; subject: string; client: ClientRef; lastMessageAt: string | null; unreadByStaff: boolean }[];
  /** Contracts (renewal or end date) and licences (renewal date) in the next 30 days. */
  renewals: { kind: 'contract' | 'licence'; documentId: string; label: string; client: ClientRef; date: string }[];
  counts: { clients: number; activeClients: number; memberships: number };
}
export interface GetOverviewResponse { data: AttentionOverview }

export interface ClientRef { documentId: string; name: string }

/** GET /clientia/clients?page&pageSize&q&state — the firm's clients (read action). */
export const listClientsQuery = z.strictObject({
  ...pagination,
  /** Part of the client's name, any case. */
  q: querySearch(200),
  state: queryOneOf(CLIENT_STATES),
});
export type ListClientsQuery = z.infer<typeof listClientsQuery>;

export interface ClientListItem {
  documentId: string;
  name: string;
  state: ClientState;
  currency: string;
  portalEnabled: boolean;
  contacts: number;
  openBalance: Money;
}
export interface Pagination { page: number; pageSize: number; total: number; pageCount: number }
export interface ListClientsResponse { data: ClientListItem[]; meta: { pagination: Pagination } }

/** GET /clientia/clients/:documentId — everything about one client (read action). */
export interface ClientOverview {
  client: {
    documentId: string;
    name: string;
    legalName: string | null;
    state: ClientState;
    billingEmail: string | null;
    billingAddress: string | null;
    taxId: string | null;
    currency: string;
    locale: string | null;
    timezone: string | null;
    portalEnabled: boolean;
    accountManager: { id: number; name: string } | null;
    internalNotes: string | null;
  };
  contacts: {
    membershipId: string;
    userId: number;
    name: string;
    email: string;
    role: PortalRole;
    signatory: boolean;
    invitedAt: string | null;
    acceptedAt: string | null;
    /** When an invitation not yet accepted stops working; null once accepted or withdrawn. */
    invitationExpiresAt: string | null;
    /** Set when the firm took the contact's portal access to this client away. */
    deactivatedAt: string | null;
    blocked: boolean;
  }[];
  contracts: { documentId: string; number: string | null; title: string; kind: string; state: string; effectiveDate: string | null; endDate: string | null; value: Money | null }[];
  retainers: { documentId: string; title: string; state: string; amount: Money; interval: string; nextRunDate: string | null; includedHours: number | null; hoursThisPeriod: number }[];
  invoices: { documentId: string; kind: 'invoice' | 'credit_note'; number: string | null; state: string; issueDate: string | null; dueDate: string | null; total: Money; balance: Money }[];
  balance: Money[];
  licences: { documentId: string; product: string; plan: string | null; purchased: number; assigned: number; renewalDate: string | null; seats: { documentId: string; assigneeName: string | null; assigneeEmail: string | null }[] }[];
  documents: { documentId: string; title: string; folder: string; visibility: 'shared' | 'internal'; version: number; size: number | null; updatedAt: string }[];
  projects: { documentId: string; name: string; state: string; progress: number; dueDate: string | null; milestones: { documentId: string; title: string; state: string; dueDate: string | null }[] }[];
  threads: { documentId: string; subject: string; state: 'open' | 'closed'; lastMessageAt: string | null }[];
  activity: ActivityItem[];
}
export interface GetClientOverviewResponse { data: ClientOverview }

export interface ActivityItem {
  occurredAt: string;
  actorType: 'staff' | 'contact' | 'system';
  actorLabel: string;
  verb: string;
  subjectType: string;
  subjectId: string | null;
  subjectLabel: string;
  visibleToClient: boolean;
}

const CONTACT_NAME_MAX = 200;

/** POST /clientia/clients/:documentId/invitations (records action). */
export const inviteContactRequest = z.strictObject({
  email: emailAddress(),
  name: requiredText(CONTACT_NAME_MAX),
  role: oneOf(PORTAL_ROLES),
  /** False unless sent. */
  signatory: flag().optional(),
});
export type InviteContactRequest = z.infer<typeof inviteContactRequest>;
export interface InviteContactResponse {
  data: { membershipId: string; email: string; role: PortalRole; expiresAt: string; /** Shown once: only its hash is stored. */ inviteUrl: string };
}

/** GET /clientia/clients/:documentId/preview — the portal as this client sees it, read-only (read action). */
export interface PortalPreview {
  client: { name: string; currency: string; locale: string | null };
  invoices: { number: string; state: string; issueDate: string | null; dueDate: string | null; total: Money; balance: Money }[];
  contracts: { number: string | null; title: string; state: string }[];
  documents: { title: string; folder: string; version: number }[];
  projects: { name: string; state: string; progress: number; milestones: { title: string; state: string; dueDate: string | null }[] }[];
  threads: { subject: string; state: string; lastMessageAt: string | null }[];
  activity: { occurredAt: string; actorLabel: string; verb: string; subjectLabel: string }[];
}
export interface GetPortalPreviewResponse { data: PortalPreview }

/** GET /clientia/threads?state=open|closed&page&pageSize — the inbox across clients (read action). */
export const listInboxThreadsQuery = z.strictObject({
  ...pagination,
  state: queryOneOf(THREAD_STATUSES),
});
export type ListInboxThreadsQuery = z.infer<typeof listInboxThreadsQuery>;

export interface InboxThread {
  documentId: string;
  subject: string;
  state: 'open' | 'closed';
  client: ClientRef;
  lastMessageAt: string | null;
  unreadByStaff: boolean;
  messageCount: number;
}
export interface ListThreadsResponse { data: InboxThread[]; meta: { pagination: Pagination } }

/** GET /clientia/threads/:documentId — one thread with its messages; marks it read by staff (read action). */
export interface ThreadMessage {
  documentId: string;
  body: string;
  authorType: 'staff' | 'contact';
  authorName: string;
  createdAt: string;
  attachments: { name: string; url: string; size: number }[];
}
export interface GetThreadResponse { data: InboxThread & { messages: ThreadMessage[] } }

/** POST /clientia/threads/:documentId/messages (records action): the same rule as a contact's message. */
export const replyRequest = z.strictObject({ body: storableText(MESSAGE_BODY_MAX) });
export type ReplyRequest = z.infer<typeof replyRequest>;
export interface ReplyResponse { data: ThreadMessage }

/** PUT /clientia/threads/:documentId/state (records action). */
export const setThreadStateRequest = z.strictObject({ state: oneOf(THREAD_STATUSES) });
export type SetThreadStateRequest = z.infer<typeof setThreadStateRequest>;
export interface SetThreadStateResponse { data: InboxThread }

/** GET /clientia/branding (read action), PUT /clientia/branding (settings action). */
export interface BrandingSettings extends PublicBranding {
  emailSenderName: string | null;
  emailSenderAddress: string | null;
  /** On invoices and statements: the firm's postal address (lines), tax id and how to pay. */
  firmAddress: string | null;
  taxId: string | null;
  paymentInstructions: string | null;
  logo: { id: number; url: string } | null;
  favicon: { id: number; url: string } | null;
}
export interface GetBrandingSettingsResponse { data: BrandingSettings }
/** Limits of the firm's brand settings, in characters. */
const BRANDING_LIMITS = {
  firmName: 200,
  portalUrl: 500,
  email: 254,
  emailSenderName: 200,
  footerText: 2000,
  legalText: 5000,
  firmAddress: 1000,
  taxId: 64,
  paymentInstructions: 2000,
  defaultLocale: 35,
} as const;

const COLOUR = 'must be a colour as #rrggbb, e.g. #1f3a5f';
const colour = z
  .string({ error: COLOUR })
  .regex(/^#[0-9a-fA-F]{6}$/, { error: COLOUR, abort: true })
  .toLowerCase();

/** A firm's address (support, sender): lower-cased; null or empty clears it. */
const firmEmail = z
  .string({ error: 'must be text or null' })
  .trim()
  .max(BRANDING_LIMITS.email, { error: `must be at most ${BRANDING_LIMITS.email} characters`, abort: true })
  .refine((value) => !value || isEmail(value), { error: 'must be an email address such as help@yourfirm.com', abort: true })
  .transform((value) => value.toLowerCase() || null)
  .nullable()
  .optional();

/** The portal's public address: absolute http(s), no credentials, query or fragment; stored without a trailing slash. */
const portalUrl = z
  .string({ error: 'must be text or null' })
  .trim()
  .max(BRANDING_LIMITS.portalUrl, { error: `must be at most ${BRANDING_LIMITS.portalUrl} characters`, abort: true })
  .check((ctx) => {
    if (!ctx.value) return;
    let url: URL;
    try {
      url = new URL(ctx.value);
    } catch {
      ctx.issues.push({ code: 'custom', message: 'must be an absolute URL such as https://portal.yourfirm.com', input: ctx.value });
      return;
    }
    if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.search || url.hash) {
      ctx.issues.push({ code: 'custom', message: 'must be an http(s) address without credentials, query or fragment', input: ctx.value });
    }
  })
  .transform((value) => value.replace(/\/+$/, '') || null)
  .nullable()
  .optional();

const LOCALE = 'must be a locale such as en or de-CH';
/** A locale tag, in its canonical form (en-gb → en-GB). */
const locale = z
  .string({ error: LOCALE })
  .trim()
  .min(1, { error: LOCALE, abort: true })
  .max(BRANDING_LIMITS.defaultLocale, { error: LOCALE, abort: true })
  .transform((value, ctx) => {
    try {
      return new Intl.Locale(value).toString();
    } catch {
      ctx.issues.push({ code: 'custom', message: LOCALE, input: value });
      return z.NEVER;
    }
  });

const MEDIA_FILE = 'must be the id of a media library file, or null to remove it';
/** A media library file's id; null removes the file. */
const mediaFile = z
  .number({ error: MEDIA_FILE })
  .refine((id) => Number.isSafeInteger(id) && id >= 1, { error: MEDIA_FILE, abort: true })
  .nullable()
  .optional();

/** PUT /clientia/branding (settings action): fields left out keep their value. */
export const updateBrandingSettingsRequest = z.strictObject({
  firmName: requiredText(BRANDING_LIMITS.firmName).optional(),
  primaryColor: colour.optional(),
  accentColor: colour.optional(),
  portalUrl,
  supportEmail: firmEmail,
  emailSenderName: clearableText(BRANDING_LIMITS.emailSenderName),
  emailSenderAddress: firmEmail,
  footerText: clearableText(BRANDING_LIMITS.footerText),
  legalText: clearableText(BRANDING_LIMITS.legalText),
  firmAddress: clearableText(BRANDING_LIMITS.firmAddress),
  taxId: clearableText(BRANDING_LIMITS.taxId),
  paymentInstructions: clearableText(BRANDING_LIMITS.paymentInstructions),
  defaultLocale: locale.optional(),
  /** Media library file ids; null removes. */
  logo: mediaFile,
  favicon: mediaFile,
});
export type UpdateBrandingSettingsRequest = z.infer<typeof updateBrandingSettingsRequest>;
