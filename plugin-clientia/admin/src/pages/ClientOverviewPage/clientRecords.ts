import type { ClientOverview } from '../../../../shared/contracts/admin';

type ContactStatus = 'blocked' | 'deactivated' | 'active' | 'invited' | 'expired';

/** Whether the contact can use the portal for this client, and if not, why; `now` decides whether an invitation has expired. */
export const contactStatus = (contact: ClientOverview['contacts'][number], now = new Date()): ContactStatus => {
  if (contact.blocked) return 'blocked';
  if (contact.deactivatedAt) return 'deactivated';
  if (contact.acceptedAt) return 'active';
  const expires = contact.invitationExpiresAt ? Date.parse(contact.invitationExpiresAt) : null;
  return expires !== null && expires <= now.getTime() ? 'expired' : 'invited';
};

interface HoursUsage {
  /** Share of the included hours used this period, or null when the retainer includes none. */
  percent: number | null;
  /** Hours beyond what the retainer includes; 0 when within. */
  over: number;
}

export const hoursUsage = (used: number, included: number | null): HoursUsage => {
  if (included === null || included <= 0) return { percent: null, over: 0 };
  return { percent: Math.round((used / included) * 100), over: Math.max(0, used - included) };
};

export const formatHours = (hours: number, locale: string) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(hours);

export const unpaidInvoices = (invoices: ClientOverview['invoices']) => invoices.filter((invoice) => invoice.balance.amount > 0);
