import {
  createRetainerRequest,
  updateRetainerRequest,
  type AdminRetainer,
  type CreateRetainerRequest,
  type RetainerInterval,
  type RetainerState,
  type UpdateRetainerRequest,
} from '../../../../shared/contracts/admin-billing';
import { majorUnitsText, parseMajorUnits } from '../../../../shared/money';
import { parseTypedDecimal, typedNumber } from '../../utils/numbers';

/** The retainer form as typed: money in major units of the currency, hours and rates as text. */
export interface RetainerDraft {
  title: string;
  amount: string;
  currency: string;
  interval: RetainerInterval;
  startDate: string;
  endDate: string;
  includedHours: string;
  hourlyRate: string;
  taxRate: string;
  contract: string;
  internalNotes: string;
  state: RetainerState;
}

export type RetainerField = 'title' | 'amount' | 'currency' | 'interval' | 'startDate' | 'endDate' | 'includedHours' | 'hourlyRate' | 'taxRate' | 'contract';
export type RetainerProblem = 'required' | 'invalidAmount' | 'notPositive' | 'invalidCurrency' | 'invalidDate' | 'endBeforeStart' | 'invalidHours' | 'invalidRate' | 'tooLong' | 'invalid';
export type RetainerErrors = Partial<Record<RetainerField, RetainerProblem>>;

export const emptyRetainer = (currency: string, today: string): RetainerDraft => ({
  title: '',
  amount: '',
  currency,
  interval: 'monthly',
  startDate: today,
  endDate: '',
  includedHours: '',
  hourlyRate: '',
  taxRate: '',
  contract: '',
  internalNotes: '',
  state: 'active',
});

/** Minor units as the staff member types major units: 250000 EUR cents → "2500.00", or "2500,00" in German. */
const typedMoney = (amount: number, currency: string, separator: '.' | ',') => {
  const text = majorUnitsText(amount, currency);
  return separator === ',' ? text.replace('.', ',') : text;
};

export const draftFromRetainer = (retainer: AdminRetainer, locale: string, separator: '.' | ','): RetainerDraft => ({
  title: retainer.title,
  amount: typedMoney(retainer.amount.amount, retainer.currency, separator),
  currency: retainer.currency,
  interval: retainer.interval,
  startDate: retainer.startDate,
  endDate: retainer.endDate ?? '',
  includedHours: retainer.includedHours === null ? '' : typedNumber(retainer.includedHours, locale),
  hourlyRate: retainer.hourlyRate ? typedMoney(retainer.hourlyRate.amount, retainer.currency, separator) : '',
  taxRate: retainer.taxRate ? typedNumber(retainer.taxRate, locale) : '',
  contract: retainer.contract?.documentId ?? '',
  internalNotes: retainer.internalNotes ?? '',
  state: retainer.state,
});

type Checked<R> = { ok: true; request: R } | { ok: false; errors: RetainerErrors };

const PROBLEM_OF_FIELD: Partial<Record<RetainerField, RetainerProblem>> = {
  title: 'tooLong',
  amount: 'invalidAmount',
  currency: 'invalidCurrency',
  startDate: 'invalidDate',
  endDate: 'invalidDate',
  includedHours: 'invalidHours',
  hourlyRate: 'invalidRate',
  taxRate: 'invalidRate',
};

/** Money typed in major units as minor units; undefined when the text is no amount of that currency. */
const minorOf = (typed: string, currency: string, separator: '.' | ','): number | undefined => {
  const minor = parseMajorUnits(typed, /^[A-Za-z]{3}$/.test(currency.trim()) ? currency.trim() : 'EUR', separator);
  return minor === null ? undefined : Number(minor);
};

/**
 * Either the request to send, or what to correct first, field by field. Amounts are read as the
 * staff member types them (their decimal separator, the currency's decimals) and sent in minor
 * units; the rest is checked with the rules the server applies to the same request.
 */
export const checkRetainer = (draft: RetainerDraft, separator: '.' | ',', mode: 'create' | 'edit'): Checked<CreateRetainerRequest & UpdateRetainerRequest> => {
  const errors: RetainerErrors = {};
  const amount = draft.amount.trim() ? minorOf(draft.amount, draft.currency, separator) : undefined;
  if (!draft.amount.trim()) errors.amount = 'required';
  else if (amount === undefined) errors.amount = 'invalidAmount';
  else if (amount <= 0) errors.amount = 'notPositive';
  const hourlyRate = draft.hourlyRate.trim() ? minorOf(draft.hourlyRate, draft.currency, separator) : null;
  if (hourlyRate === undefined) errors.hourlyRate = 'invalidRate';
  const includedHours = draft.includedHours.trim() ? parseTypedDecimal(draft.includedHours) : null;
  if (draft.includedHours.trim() && includedHours === null) errors.includedHours = 'invalidHours';
  const taxRate = draft.taxRate.trim() ? parseTypedDecimal(draft.taxRate) : 0;
  if (taxRate === null) errors.taxRate = 'invalidRate';

  const request = {
    title: draft.title,
    amount: amount ?? 0,
    currency: draft.currency.trim().toUpperCase(),
    interval: draft.interval,
    startDate: draft.startDate,
    endDate: draft.endDate || null,
    includedHours,
    hourlyRate: hourlyRate ?? null,
    taxRate: taxRate ?? 0,
    contract: draft.contract || null,
    internalNotes: draft.internalNotes,
    ...(mode === 'edit' ? { state: draft.state } : {}),
  };
  const result = (mode === 'create' ? createRetainerRequest : updateRetainerRequest).safeParse(request);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path[0] as RetainerField;
      if (errors[field]) continue;
      const typed = (draft as unknown as Record<string, unknown>)[field];
      if (typeof typed === 'string' && !typed.trim() && field !== 'endDate') errors[field] = 'required';
      else if (field === 'endDate' && /before/.test(issue.message)) errors.endDate = 'endBeforeStart';
      else errors[field] = PROBLEM_OF_FIELD[field] ?? 'invalid';
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, request };
};
