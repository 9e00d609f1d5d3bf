/**
 * Admin API of the plugin (`/clientia/...`, admin JWT, the plugin's RBAC actions), used by the
 * admin panels. Ids are documentIds; dates are ISO strings; money is `Money`.
 */
import type { PublicBranding } from './branding';
import type { Money } from './money';

export type ClientState = 'prospect' | 'active' | 'paused' | 'archived';
export type PortalRole = 'owner' | 'admin' | 'billing' | 'member';

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
  contacts: { membershipId: string; userId: number; name: string; email: string; role: PortalRole; signatory: boolean; invitedAt: string | null; acceptedAt: string | null; blocked: boolean }[];
  contracts: { documentId: string; number: string | null; title: string; kind: string; state: string; effectiveDate: string | null; endDate: string | null; value: Money | null }[];
  retainers: { documentId: string; title: string; state: string; amount: Money; interval: string; nextRunDate: string | null; includedHours: number | null; hoursThisPeriod: number }[];
  invoices: { documentId: string; number: string | null; state: string; issueDate: string | null; dueDate: string | null; total: Money; balance: Money }[];
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

/** POST /clientia/clients/:documentId/invitations (records action). */
export interface InviteContactRequest { email: string; name: string; role: PortalRole; signatory?: boolean }
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

/** POST /clientia/threads/:documentId/messages (records action). */
export interface ReplyRequest { body: string }
export interface ReplyResponse { data: ThreadMessage }

/** PUT /clientia/threads/:documentId/state (records action). */
export interface SetThreadStateRequest { state: 'open' | 'closed' }
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
export type UpdateBrandingSettingsResponse = GetBrandingSettingsResponse;
export interface UpdateBrandingSettingsRequest {
  firmName?: string;
  primaryColor?: string;
  accentColor?: string;
  portalUrl?: string | null;
  supportEmail?: string | null;
  emailSenderName?: string | null;
  emailSenderAddress?: string | null;
  footerText?: string | null;
  legalText?: string | null;
  firmAddress?: string | null;
  taxId?: string | null;
  paymentInstructions?: string | null;
  defaultLocale?: string;
  /** Media library file ids; null removes. */
  logo?: number | null;
  favicon?: number | null;
}
