import type { AttentionOverview, ClientOverview } from '../../../shared/contracts/admin';
import { clientRef, isoDate, money, numberOrNull, relation, text, type Row } from './values';

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
