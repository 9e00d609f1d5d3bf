import type { PortalRetainer, RetainerInterval, RetainerStatus } from '../../../../shared/contracts/portal-billing';
import { assertClientSafe } from '../client-safe';
import { money } from '../values';
import { isoDate, numberOrNull, text, type Row } from '../../repositories/rows';
import { UID } from '../../constants';

export const PORTAL_RETAINER_FIELDS = assertClientSafe(UID.retainer, [
  'id',
  'documentId',
  'title',
  'state',
  'amount',
  'currency',
  'interval',
  'startDate',
  'endDate',
  'nextRunDate',
  'includedHours',
  'hourlyRate',
]);

/** Hours of one retainer's period, worked out by the caller. */
export interface RetainerUsage {
  period: { start: string; end: string };
  hoursUsed: number;
  hoursRemaining: number | null;
  hoursOver: number | null;
}

export const serializePortalRetainer = (row: Row, usage: RetainerUsage): PortalRetainer => ({
  documentId: text(row.documentId),
  title: text(row.title),
  status: text(row.state) as RetainerStatus,
  amount: money(row.amount, row.currency),
  interval: text(row.interval) as RetainerInterval,
  startDate: isoDate(row.startDate),
  endDate: isoDate(row.endDate),
  nextRunDate: isoDate(row.nextRunDate),
  hourlyRate: row.hourlyRate === null || row.hourlyRate === undefined ? null : money(row.hourlyRate, row.currency),
  period: { start: usage.period.start, end: usage.period.end },
  includedHours: numberOrNull(row.includedHours),
  hoursUsed: usage.hoursUsed,
  hoursRemaining: usage.hoursRemaining,
  hoursOver: usage.hoursOver,
});
