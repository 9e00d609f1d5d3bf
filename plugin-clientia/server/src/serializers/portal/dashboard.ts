import type {
  DashboardContract,
  DashboardInvoice,
  DashboardMilestone,
  DashboardRetainerHours,
  DueInvoiceStatus,
} from '../../../../shared/contracts/portal-dashboard';
import { assertClientSafe } from '../client-safe';
import { money } from '../values';
import { isoDate, isoDateTime, numberOrNull, relation, text, textOrNull, type Row } from '../../repositories/rows';
import { UID } from '../../constants';

/** The dashboard's own allowlists: only what it shows, checked against the schemas when loaded. */
export const DUE_INVOICE_FIELDS = assertClientSafe(UID.invoice, ['id', 'documentId', 'number', 'state', 'dueDate', 'balance', 'currency']);
export const TO_SIGN_FIELDS = assertClientSafe(UID.contract, ['id', 'documentId', 'number', 'title', 'state', 'sentAt', 'version']);
export const COMING_MILESTONE_FIELDS = assertClientSafe(UID.milestone, ['id', 'documentId', 'title', 'dueDate', 'state']);
export const MILESTONE_PROJECT_FIELDS = assertClientSafe(UID.project, ['id', 'documentId', 'name']);
export const HOURS_RETAINER_FIELDS = assertClientSafe(UID.retainer, ['id', 'documentId', 'title', 'startDate', 'interval', 'includedHours']);

export const serializeDueInvoice = (row: Row): DashboardInvoice => ({
  documentId: text(row.documentId),
  number: textOrNull(row.number),
  status: text(row.state) as DueInvoiceStatus,
  dueDate: isoDate(row.dueDate),
  balance: money(row.balance, row.currency),
});

export const serializeContractToSign = (row: Row): DashboardContract => ({
  documentId: text(row.documentId),
  number: textOrNull(row.number),
  title: text(row.title),
  status: text(row.state) as DashboardContract['status'],
  sentAt: isoDateTime(row.sentAt),
});

export const serializeComingMilestone = (row: Row): DashboardMilestone => {
  const project = relation(row, 'project');
  return {
    documentId: text(row.documentId),
    title: text(row.title),
    dueDate: isoDate(row.dueDate) ?? '',
    status: text(row.state) as DashboardMilestone['status'],
    project: { documentId: text(project?.documentId), name: text(project?.name) },
  };
};

/** Hundredths are plenty for hours and keep float sums from showing 7.300000000000001. */
const hundredths = (hours: number) => Math.round(hours * 100) / 100;

export const serializeRetainerHours = (row: Row, period: { start: string; end: string }, usedHours: number): DashboardRetainerHours => {
  const included = numberOrNull(row.includedHours);
  return {
    documentId: text(row.documentId),
    title: text(row.title),
    period: { start: period.start, end: period.end },
    includedHours: included,
    usedHours: hundredths(usedHours),
    hoursLeft: included === null ? null : hundredths(included - usedHours),
  };
};
