import type { AttentionOverview, ClientOverview } from '../../../shared/contracts/admin';
import type { AdminRetainer } from '../../../shared/contracts/admin-billing';
import { PORTAL_RETAINER_FIELDS } from './portal/retainer';
import { clientRef, money } from './values';
import { isoDate, numberOrNull, relation, text, textOrNull, type Row } from '../repositories/rows';

export const RETAINER_FIELDS = [
  'id',
  'documentId',
  'title',
  'state',
  'amount',
  'currency',
  'interval',
  'startDate',
  'nextRunDate',
  'includedHours',
] as const;

export const serializeRetainer = (row: Row, hoursThisPeriod: number): ClientOverview['retainers'][number] => ({
  documentId: text(row.documentId),
  title: text(row.title),
  state: text(row.state),
  amount: money(row.amount, row.currency),
  interval: text(row.interval),
  nextRunDate: isoDate(row.nextRunDate),
  includedHours: numberOrNull(row.includedHours),
  hoursThisPeriod,
});

export const ABOUT_TO_BILL_FIELDS = ['id', 'documentId', 'title', 'nextRunDate', 'amount', 'currency', 'interval'] as const;

export const serializeAboutToBill = (row: Row): AttentionOverview['retainersAboutToBill'][number] => ({
  documentId: text(row.documentId),
  title: text(row.title),
  client: clientRef(relation(row, 'client')),
  nextRunDate: isoDate(row.nextRunDate) ?? '',
  amount: money(row.amount, row.currency),
  interval: text(row.interval),
});

/** What staff edit of a retainer: what its client sees of it, and the firm's own tax rate and notes. */
export const ADMIN_RETAINER_FIELDS = [...PORTAL_RETAINER_FIELDS, 'taxRate', 'internalNotes'] as const;

export const ADMIN_RETAINER_POPULATE = { contract: { select: ['documentId', 'number', 'title'] } } as const;

export const serializeAdminRetainer = (row: Row, billed: boolean): AdminRetainer => {
  const contract = relation(row, 'contract');
  return {
    documentId: text(row.documentId),
    title: text(row.title),
    state: text(row.state) as AdminRetainer['state'],
    amount: money(row.amount, row.currency),
    currency: text(row.currency),
    interval: text(row.interval) as AdminRetainer['interval'],
    startDate: isoDate(row.startDate) ?? '',
    endDate: isoDate(row.endDate),
    nextRunDate: isoDate(row.nextRunDate),
    includedHours: numberOrNull(row.includedHours),
    hourlyRate: row.hourlyRate === null || row.hourlyRate === undefined ? null : money(row.hourlyRate, row.currency),
    taxRate: numberOrNull(row.taxRate) ?? 0,
    contract: contract ? { documentId: text(contract.documentId), number: textOrNull(contract.number), title: text(contract.title) } : null,
    internalNotes: textOrNull(row.internalNotes),
    billed,
  };
};
