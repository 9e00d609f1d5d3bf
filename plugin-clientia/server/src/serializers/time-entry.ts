import type { TimeEntry } from '../../../shared/contracts/admin-billing';
import { isoDate, numberOrNull, relation, text, textOrNull, type Row } from '../repositories/rows';
import { staffName, STAFF_FIELDS } from './values';

export const TIME_ENTRY_FIELDS = ['id', 'documentId', 'date', 'hours', 'description', 'billable'] as const;

export const TIME_ENTRY_POPULATE = { staff: { select: [...STAFF_FIELDS] } } as const;

/** `billedBefore`: the day before which the retainer's hours are billed (null: none are). */
export const serializeTimeEntry = (row: Row, billedBefore: string | null): TimeEntry => {
  const date = isoDate(row.date) ?? '';
  const staff = relation(row, 'staff');
  return {
    documentId: text(row.documentId),
    date,
    hours: numberOrNull(row.hours) ?? 0,
    description: textOrNull(row.description),
    billable: !(row.billable === false || row.billable === 0),
    staff: staff ? { id: Number(staff.id), name: staffName(staff) } : null,
    billed: billedBefore !== null && date < billedBefore,
  };
};
