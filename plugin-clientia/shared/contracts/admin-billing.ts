/**
 * Admin API of retainers and the hours logged against them (`/clientia/...`): reading needs the
 * read action, every change the manage-billing action. Money is integer minor units of the
 * retainer's currency (staff type major units; the admin form converts); hours are decimal hours
 * to the hundredth; dates are calendar dates (YYYY-MM-DD).
 */
import { z } from 'zod';

import { clearableText, DOCUMENT_ID, flag, oneOf, requiredText } from './fields';
import type { Money } from './money';

export const RETAINER_INTERVALS = ['monthly', 'quarterly', 'yearly'] as const;
export const RETAINER_STATES = ['active', 'paused', 'ended'] as const;
export type RetainerInterval = (typeof RETAINER_INTERVALS)[number];
export type RetainerState = (typeof RETAINER_STATES)[number];

const RETAINER_TITLE_MAX = 300;
export const TIME_DESCRIPTION_MAX = 2000;
const NOTES_MAX = 5000;
/** One entry is one person's work on one day. */
export const TIME_ENTRY_MAX_HOURS = 24;
/** Included hours per period; more than anyone could work in a year is a typing mistake. */
const INCLUDED_HOURS_MAX = 10_000;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'must be a date as YYYY-MM-DD, e.g. 2026-11-30';

/** A calendar date that exists (2026-02-30 does not). */
export const calendarDate = () =>
  z
    .string({ error: DATE_MESSAGE })
    .regex(DATE, { error: DATE_MESSAGE, abort: true })
    .refine((value) => new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value, { error: DATE_MESSAGE, abort: true });

/** A date, or null to clear it. */
const optionalDate = () => calendarDate().nullable().optional();

const MINOR_UNITS = 'must be an amount in minor units of the currency (cents), as a whole number';

/** An amount of money in minor units, from `min` up. */
export const minorUnits = (min: number) =>
  z
    .number({ error: MINOR_UNITS })
    .refine(Number.isSafeInteger, { error: MINOR_UNITS, abort: true })
    .refine((value) => value >= min, { error: min > 0 ? 'must be more than zero' : 'must not be negative', abort: true });

const CURRENCY = 'must be an ISO 4217 currency code such as EUR';
export const currencyCode = () =>
  z
    .string({ error: CURRENCY })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, { error: CURRENCY, abort: true });

/** Hours to the hundredth: 1.25 is a quarter past one hour, 1.333 is a typing mistake. */
const inHundredths = (value: number) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;

const HOURS = `must be more than 0 and at most ${TIME_ENTRY_MAX_HOURS} hours for one day`;
const loggedHours = () =>
  z
    .number({ error: HOURS })
    .refine((value) => Number.isFinite(value) && value > 0 && value <= TIME_ENTRY_MAX_HOURS, { error: HOURS, abort: true })
    .refine(inHundredths, { error: 'must be in hundredths of an hour at most, e.g. 1.25', abort: true });

const INCLUDED = `must be a number of hours from 0 to ${INCLUDED_HOURS_MAX}, or null for none`;
const includedHours = () =>
  z
    .number({ error: INCLUDED })
    .refine((value) => Number.isFinite(value) && value >= 0 && value <= INCLUDED_HOURS_MAX, { error: INCLUDED, abort: true })
    .refine(inHundredths, { error: 'must be in hundredths of an hour at most, e.g. 7.5', abort: true })
    .nullable()
    .optional();

const TAX_RATE = 'must be a percentage from 0 to 100, e.g. 19 or 7.5';
const taxRate = () =>
  z
    .number({ error: TAX_RATE })
    .refine((value) => Number.isFinite(value) && value >= 0 && value <= 100, { error: TAX_RATE, abort: true })
    .refine(inHundredths, { error: 'must have at most two decimals', abort: true })
    .optional();

const contractRef = () =>
  z
    .string({ error: 'must be the documentId of a contract of this client, or null' })
    .regex(DOCUMENT_ID, { error: 'must be the documentId of a contract of this client, or null', abort: true })
    .nullable()
    .optional();

const retainerFields = {
  title: requiredText(RETAINER_TITLE_MAX),
  /** The fee per period, in minor units. */
  amount: minorUnits(1),
  /** ISO 4217; left out, the client's currency. */
  currency: currencyCode().optional(),
  interval: oneOf(RETAINER_INTERVALS),
  startDate: calendarDate(),
  /** The last day the retainer covers; null while it runs. */
  endDate: optionalDate(),
  /** Hours the fee includes per period; null for none. */
  includedHours: includedHours(),
  /** The overtime rate per hour beyond the included ones, in minor units; null bills none. */
  hourlyRate: minorUnits(0).nullable().optional(),
  taxRate: taxRate(),
  contract: contractRef(),
  internalNotes: clearableText(NOTES_MAX),
};

const endNotBeforeStart = (value: { startDate?: string | null; endDate?: string | null }) =>
  !value.startDate || !value.endDate || value.endDate >= value.startDate;
const END_BEFORE_START = { error: 'must not be before the start date', path: ['endDate'] };

/** POST /clientia/clients/:documentId/retainers (manage billing). */
export const createRetainerRequest = z.strictObject(retainerFields).refine(endNotBeforeStart, END_BEFORE_START);
export type CreateRetainerRequest = z.input<typeof createRetainerRequest>;

/** PUT /clientia/retainers/:documentId (manage billing): fields left out keep their value. */
export const updateRetainerRequest = z
  .strictObject({
    title: retainerFields.title.optional(),
    amount: retainerFields.amount.optional(),
    currency: retainerFields.currency,
    interval: retainerFields.interval.optional(),
    startDate: retainerFields.startDate.optional(),
    endDate: retainerFields.endDate,
    includedHours: retainerFields.includedHours,
    hourlyRate: retainerFields.hourlyRate,
    taxRate: retainerFields.taxRate,
    contract: retainerFields.contract,
    internalNotes: retainerFields.internalNotes,
    state: oneOf(RETAINER_STATES).optional(),
  })
  .refine(endNotBeforeStart, END_BEFORE_START);
export type UpdateRetainerRequest = z.input<typeof updateRetainerRequest>;

/** A retainer as staff edit it. */
export interface AdminRetainer {
  documentId: string;
  title: string;
  state: RetainerState;
  amount: Money;
  currency: string;
  interval: RetainerInterval;
  startDate: string;
  endDate: string | null;
  nextRunDate: string | null;
  includedHours: number | null;
  hourlyRate: Money | null;
  taxRate: number;
  contract: { documentId: string; number: string | null; title: string } | null;
  internalNotes: string | null;
  /** Once a period is billed, its start date and interval stay as they are. */
  billed: boolean;
}
export interface RetainerResponse {
  data: AdminRetainer;
}

/** GET /clientia/retainers/:documentId/time?on=YYYY-MM-DD — the period containing `on` (today unless given). */
export const retainerTimeQuery = z.strictObject({
  on: calendarDate().optional(),
});

export interface StaffMember {
  id: number;
  name: string;
}

export interface TimeEntry {
  documentId: string;
  date: string;
  hours: number;
  description: string | null;
  billable: boolean;
  staff: StaffMember | null;
  /** Its period has been billed: the entry can no longer be changed or deleted. */
  billed: boolean;
}

/** One step of the burn-down: hours logged in [start, end] and how many are left after it. */
export interface BurnDownStep {
  start: string;
  /** Inclusive. */
  end: string;
  billableHours: number;
  /** Billable hours from the start of the period to the end of this step. */
  usedToDate: number;
  /** Included hours left after this step; negative when over; null without included hours. */
  remaining: number | null;
  /** The step has not begun yet (later in the current period). */
  future: boolean;
}

export interface RetainerTimeView {
  retainer: AdminRetainer;
  period: {
    start: string;
    /** Inclusive. */
    end: string;
    /** A day of the period before and after this one, to page through; null at either end. */
    previous: string | null;
    next: string | null;
    /** Today falls in it. */
    current: boolean;
  };
  usage: {
    /** Hours that count against the included ones and are billed beyond them. */
    billableHours: number;
    nonBillableHours: number;
    includedHours: number | null;
    remaining: number | null;
    over: number | null;
  };
  burnDown: { step: 'day' | 'week' | 'month'; steps: BurnDownStep[] };
  /** Hours dated before this day have been billed; their entries are locked. Null before the first bill of hours. */
  billedBefore: string | null;
  entries: TimeEntry[];
  /** Who hours can be logged for; `me` is the caller. */
  staff: StaffMember[];
  me: number;
}
export interface GetRetainerTimeResponse {
  data: RetainerTimeView;
}

const STAFF = 'must be the id of an active staff member';

/** POST /clientia/retainers/:documentId/time-entries (manage billing). */
export const createTimeEntryRequest = z.strictObject({
  date: calendarDate(),
  hours: loggedHours(),
  /** Left out, the caller. */
  staff: z
    .number({ error: STAFF })
    .refine((value) => Number.isSafeInteger(value) && value > 0, { error: STAFF, abort: true })
    .optional(),
  description: clearableText(TIME_DESCRIPTION_MAX),
  /** True unless sent. */
  billable: flag().optional(),
});
export type CreateTimeEntryRequest = z.input<typeof createTimeEntryRequest>;

/** PUT /clientia/time-entries/:documentId (manage billing): fields left out keep their value. */
export const updateTimeEntryRequest = z.strictObject({
  date: calendarDate().optional(),
  hours: loggedHours().optional(),
  staff: createTimeEntryRequest.shape.staff,
  description: clearableText(TIME_DESCRIPTION_MAX),
  billable: flag().optional(),
});
export type UpdateTimeEntryRequest = z.input<typeof updateTimeEntryRequest>;

export interface TimeEntryResponse {
  data: TimeEntry;
}
