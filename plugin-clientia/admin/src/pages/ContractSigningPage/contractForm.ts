import {
  createContractRequest,
  updateContractRequest,
  type CreateContractRequest,
  type NewContractKind,
  type UpdateContractRequest,
} from '../../../../shared/contracts/admin-contracts';
import type { AdminSigningView } from '../../../../shared/contracts/signing';
import { majorUnitsText, parseMajorUnits } from '../../../../shared/money';

export { NEW_CONTRACT_KINDS } from '../../../../shared/contracts/admin-contracts';

/** The contract form as typed: the value in major units of the currency, dates as YYYY-MM-DD. */
export interface ContractDraft {
  title: string;
  kind: NewContractKind | 'amendment';
  effectiveDate: string;
  endDate: string;
  renewalDate: string;
  value: string;
  currency: string;
  internalNotes: string;
}

export type ContractField = 'title' | 'kind' | 'effectiveDate' | 'endDate' | 'renewalDate' | 'value' | 'currency';
export type ContractProblem = 'required' | 'tooLong' | 'invalidDate' | 'endBeforeStart' | 'invalidAmount' | 'invalidCurrency' | 'invalid';
export type ContractErrors = Partial<Record<ContractField, ContractProblem>>;

/**
 * What staff may change: a draft its terms; anything later only what a signature does not cover
 * (the renewal date and the notes). Changing more takes an amendment.
 */
export type ContractEditScope = 'terms' | 'renewal';

export const editScopeOf = (state: string): ContractEditScope => (state === 'draft' ? 'terms' : 'renewal');

export const emptyContract = (currency: string): ContractDraft => ({
  title: '',
  kind: 'msa',
  effectiveDate: '',
  endDate: '',
  renewalDate: '',
  value: '',
  currency,
  internalNotes: '',
});

export const draftFromContract = (contract: AdminSigningView['contract'], separator: '.' | ','): ContractDraft => {
  const value = contract.value ? majorUnitsText(contract.value.amount, contract.value.currency) : '';
  return {
    title: contract.title,
    kind: contract.kind as ContractDraft['kind'],
    effectiveDate: contract.effectiveDate ?? '',
    endDate: contract.endDate ?? '',
    renewalDate: contract.renewalDate ?? '',
    value: separator === ',' ? value.replace('.', ',') : value,
    currency: contract.currency,
    internalNotes: contract.internalNotes ?? '',
  };
};

const PROBLEM_OF_FIELD: Record<ContractField, ContractProblem> = {
  title: 'tooLong',
  kind: 'invalid',
  effectiveDate: 'invalidDate',
  endDate: 'invalidDate',
  renewalDate: 'invalidDate',
  value: 'invalidAmount',
  currency: 'invalidCurrency',
};

type Checked<R> = { ok: true; request: R } | { ok: false; errors: ContractErrors };

const collect = (issues: { path: PropertyKey[]; message: string }[], draft: ContractDraft, errors: ContractErrors) => {
  for (const issue of issues) {
    const field = issue.path[0] as ContractField;
    if (!(field in PROBLEM_OF_FIELD) || errors[field]) continue;
    if (field === 'title' && !draft.title.trim()) errors.title = 'required';
    else if (field === 'endDate' && /before/.test(issue.message)) errors.endDate = 'endBeforeStart';
    else errors[field] = PROBLEM_OF_FIELD[field];
  }
};

/** The value typed in major units, as minor units; null when left empty, undefined when it is no amount. */
const valueOf = (draft: ContractDraft, separator: '.' | ',') => {
  if (!draft.value.trim()) return null;
  const currency = /^[A-Za-z]{3}$/.test(draft.currency.trim()) ? draft.currency.trim() : 'EUR';
  const minor = parseMajorUnits(draft.value, currency, separator);
  return minor === null || minor < 0n ? undefined : Number(minor);
};

/** A new draft's request, checked with the server's own rules (`createContractRequest`). */
export const checkNewContract = (draft: ContractDraft, separator: '.' | ','): Checked<CreateContractRequest> => {
  const errors: ContractErrors = {};
  const value = valueOf(draft, separator);
  if (value === undefined) errors.value = 'invalidAmount';
  const request: CreateContractRequest = {
    title: draft.title,
    kind: draft.kind as NewContractKind,
    effectiveDate: draft.effectiveDate || null,
    endDate: draft.endDate || null,
    renewalDate: draft.renewalDate || null,
    value: value ?? null,
    currency: draft.currency.trim().toUpperCase(),
    internalNotes: draft.internalNotes,
  };
  const result = createContractRequest.safeParse(request);
  if (!result.success) collect(result.error.issues, draft, errors);
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, request };
};

/** The changes staff may make in this scope, checked with the server's own rules (`updateContractRequest`). */
export const checkContractChanges = (draft: ContractDraft, separator: '.' | ',', scope: ContractEditScope): Checked<UpdateContractRequest> => {
  const errors: ContractErrors = {};
  let request: UpdateContractRequest = { renewalDate: draft.renewalDate || null, internalNotes: draft.internalNotes };
  if (scope === 'terms') {
    const value = valueOf(draft, separator);
    if (value === undefined) errors.value = 'invalidAmount';
    request = {
      ...request,
      title: draft.title,
      // An amendment stays one; the server refuses to change its kind.
      ...(draft.kind === 'amendment' ? {} : { kind: draft.kind }),
      effectiveDate: draft.effectiveDate || null,
      endDate: draft.endDate || null,
      value: value ?? null,
      currency: draft.currency.trim().toUpperCase(),
    };
  }
  const result = updateContractRequest.safeParse(request);
  if (!result.success) collect(result.error.issues, draft, errors);
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, request };
};
