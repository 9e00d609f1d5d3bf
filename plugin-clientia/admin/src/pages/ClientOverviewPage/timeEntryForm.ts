import { createTimeEntryRequest, type CreateTimeEntryRequest, type TimeEntry } from '../../../../shared/contracts/admin-billing';
import { parseTypedDecimal, typedNumber } from '../../utils/numbers';

/** The time-entry form as typed: hours as text, the staff member's id as text ('' for none chosen). */
export interface TimeEntryDraft {
  date: string;
  staff: string;
  hours: string;
  description: string;
  billable: boolean;
}

export type TimeEntryField = 'date' | 'staff' | 'hours' | 'description';
export type TimeEntryProblem = 'required' | 'invalidDate' | 'invalidHours' | 'hoursOutOfRange' | 'tooPrecise' | 'tooLong' | 'invalidStaff';
export type TimeEntryErrors = Partial<Record<TimeEntryField, TimeEntryProblem>>;

const HOURS_AND_MINUTES = /^(\d{1,2}):([0-5]\d)$/;

/**
 * Hours as staff type them: a decimal with either separator ("1.5", "1,5"), an optional "h"
 * ("2 h"), or hours and minutes ("1:30"), which count to the hundredth of an hour. Null when the
 * text is no number of hours at all.
 */
export const parseHours = (typed: string): number | null => {
  const text = typed.trim().replace(/\s*h$/i, '');
  const clock = HOURS_AND_MINUTES.exec(text);
  if (clock) return Math.round((Number(clock[1]) + Number(clock[2]) / 60) * 100) / 100;
  return parseTypedDecimal(text);
};

export const emptyTimeEntry = (today: string, me: number | null): TimeEntryDraft => ({
  date: today,
  staff: me === null ? '' : String(me),
  hours: '',
  description: '',
  billable: true,
});

/** An entry as the form shows it for editing, hours in the staff member's own notation. */
export const draftFromEntry = (entry: TimeEntry, locale: string): TimeEntryDraft => ({
  date: entry.date,
  staff: entry.staff ? String(entry.staff.id) : '',
  hours: typedNumber(entry.hours, locale),
  description: entry.description ?? '',
  billable: entry.billable,
});

const HOURS_PROBLEM = (message: string): TimeEntryProblem => (/hundredths/.test(message) ? 'tooPrecise' : 'hoursOutOfRange');

/**
 * Either the request to send, or what to correct first, field by field, checked with the rules
 * the server applies to the same request (`createTimeEntryRequest`).
 */
export const checkTimeEntry = (draft: TimeEntryDraft): { ok: true; request: CreateTimeEntryRequest } | { ok: false; errors: TimeEntryErrors } => {
  const errors: TimeEntryErrors = {};
  const hours = draft.hours.trim() ? parseHours(draft.hours) : null;
  if (!draft.hours.trim()) errors.hours = 'required';
  else if (hours === null) errors.hours = 'invalidHours';
  const staff = draft.staff ? Number(draft.staff) : undefined;
  const request: CreateTimeEntryRequest = {
    date: draft.date,
    hours: hours ?? 0,
    staff,
    description: draft.description.trim() || null,
    billable: draft.billable,
  };
  const result = createTimeEntryRequest.safeParse(request);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path[0] as TimeEntryField;
      if (errors[field]) continue;
      if (field === 'date') errors.date = draft.date ? 'invalidDate' : 'required';
      else if (field === 'hours') errors.hours = HOURS_PROBLEM(issue.message);
      else if (field === 'staff') errors.staff = 'invalidStaff';
      else if (field === 'description') errors.description = 'tooLong';
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, request };
};
