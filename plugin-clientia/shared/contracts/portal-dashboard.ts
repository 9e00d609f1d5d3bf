/**
 * GET /api/clientia/dashboard — what needs the contact's attention in the active client. The
 * billing parts (invoicesDue, totalsDue, hoursLeft) are null for roles without billing, and
 * contractsToSign is null for roles without contracts. invoicesDue and totalsDue count open
 * invoices only: a credit note is never due, whatever credit is left on it.
 */
import type { Money } from './money';

export type DueInvoiceStatus = 'issued' | 'partially_paid' | 'overdue';

export interface DashboardInvoice {
  documentId: string;
  number: string | null;
  status: DueInvoiceStatus;
  dueDate: string | null;
  balance: Money;
}

export interface DashboardContract {
  documentId: string;
  number: string | null;
  title: string;
  status: 'sent' | 'partially_signed';
  sentAt: string | null;
}

export interface DashboardMilestone {
  documentId: string;
  title: string;
  dueDate: string;
  status: 'pending' | 'in_progress';
  project: { documentId: string; name: string };
}

export interface DashboardRetainerHours {
  documentId: string;
  title: string;
  /** The current billing period, [start, end) as YYYY-MM-DD. */
  period: { start: string; end: string };
  includedHours: number | null;
  /** Billable hours logged in the period, as the invoice counts them. */
  usedHours: number;
  /** includedHours − usedHours (negative when over); null when the retainer includes no hours. */
  hoursLeft: number | null;
}

export interface Dashboard {
  invoicesDue: DashboardInvoice[] | null;
  totalsDue: Money[] | null;
  contractsToSign: DashboardContract[] | null;
  milestonesComing: DashboardMilestone[];
  unreadThreads: number;
  hoursLeft: DashboardRetainerHours[] | null;
}

export interface GetDashboardResponse {
  data: Dashboard;
}
