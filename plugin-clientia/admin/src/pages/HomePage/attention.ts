import type { AttentionOverview } from '../../../../shared/contracts/admin';

interface SeatUsage {
  /** Assigned as a share of purchased, 0–100 (more when a licence is over-assigned). */
  percent: number;
  free: number;
  /** No vacant seat left: the next person needs another seat bought. */
  isFull: boolean;
}

export const seatUsage = (assigned: number, purchased: number): SeatUsage => {
  const percent = purchased > 0 ? Math.round((assigned / purchased) * 100) : assigned > 0 ? 100 : 0;
  return { percent, free: Math.max(purchased - assigned, 0), isFull: assigned >= purchased };
};

/** A month late is a conversation with the client, not a reminder. */
export const overdueTone = (daysOverdue: number): 'danger' | 'warning' => (daysOverdue > 30 ? 'danger' : 'warning');

export const unreadCount = (threads: { unreadByStaff: boolean }[]) => threads.filter((thread) => thread.unreadByStaff).length;

/** Full licences first, then the fullest; the ones with room to spare matter least. */
export const byUtilisation = <T extends { assigned: number; purchased: number }>(licences: T[]): T[] =>
  [...licences].sort((a, b) => seatUsage(b.assigned, b.purchased).percent - seatUsage(a.assigned, a.purchased).percent);

export const needsAttention = (overview: AttentionOverview) =>
  overview.overdueInvoices.length +
  overview.contractsAwaitingSignature.length +
  overview.retainersAboutToBill.length +
  overview.seatUtilisation.filter((licence) => seatUsage(licence.assigned, licence.purchased).isFull).length +
  unreadCount(overview.openThreads) +
  overview.renewals.length;
