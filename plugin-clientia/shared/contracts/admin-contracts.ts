/**
 * Admin API of the contract editor (`/clientia/...`): creating and editing contracts, their PDF
 * in private storage, and the signing request's reminders, cancellation and amendments. Reading
 * needs the read action, every change the manage-records action. Answers are the contract's
 * signing view (`AdminSigningView`, see ./signing.ts).
 */
import { z } from 'zod';

import { calendarDate, currencyCode, minorUnits } from './admin-billing';
import { clearableText, DOCUMENT_ID, oneOf, requiredText } from './fields';

/** What staff may create; an amendment is made from the signed contract it amends. */
export const NEW_CONTRACT_KINDS = ['msa', 'sow', 'nda', 'licence', 'retainer_agreement'] as const;
export type NewContractKind = (typeof NEW_CONTRACT_KINDS)[number];

const CONTRACT_TITLE_MAX = 300;
const NOTES_MAX = 5000;
const CANCEL_REASON_MAX = 2000;

/** The multipart field the PDF travels in, and how large it may be. */
export const CONTRACT_FILE_FIELD = 'file';
export const CONTRACT_FILE_MAX_BYTES = 50 * 1024 * 1024;

const optionalDate = () => calendarDate().nullable().optional();

const contractTerms = {
  kind: oneOf(NEW_CONTRACT_KINDS),
  effectiveDate: optionalDate(),
  endDate: optionalDate(),
  /** When the contract comes up for renewal; stays editable after signing. */
  renewalDate: optionalDate(),
  /** Minor units of `currency`; null for none. */
  value: minorUnits(0).nullable().optional(),
  /** ISO 4217; left out, the client's currency. */
  currency: currencyCode().optional(),
  internalNotes: clearableText(NOTES_MAX),
};

const endNotBeforeStart = (value: { effectiveDate?: string | null; endDate?: string | null }) =>
  !value.effectiveDate || !value.endDate || value.endDate >= value.effectiveDate;
const END_BEFORE_START = { error: 'must not be before the effective date', path: ['endDate'] };

/** POST /clientia/clients/:documentId/contracts (manage records): a new draft. */
export const createContractRequest = z
  .strictObject({ title: requiredText(CONTRACT_TITLE_MAX), ...contractTerms })
  .refine(endNotBeforeStart, END_BEFORE_START);
export type CreateContractRequest = z.input<typeof createContractRequest>;

/**
 * PUT /clientia/contracts/:documentId (manage records): fields left out keep their value. A draft
 * takes every field; a signed contract only its renewal date and notes (amend it to change more).
 */
export const updateContractRequest = z
  .strictObject({
    title: requiredText(CONTRACT_TITLE_MAX).optional(),
    kind: contractTerms.kind.optional(),
    effectiveDate: contractTerms.effectiveDate,
    endDate: contractTerms.endDate,
    renewalDate: contractTerms.renewalDate,
    value: contractTerms.value,
    currency: contractTerms.currency,
    internalNotes: contractTerms.internalNotes,
  })
  .refine(endNotBeforeStart, END_BEFORE_START);
export type UpdateContractRequest = z.input<typeof updateContractRequest>;

const MEMBERSHIP = 'must be the documentId of a signatory of this contract';

/** POST /clientia/contracts/:documentId/reminders (manage records): e-mail a signatory whose turn it is again. */
export const remindSignatoryRequest = z.strictObject({
  signatory: z.string({ error: MEMBERSHIP }).regex(DOCUMENT_ID, { error: MEMBERSHIP, abort: true }),
});
export type RemindSignatoryRequest = z.input<typeof remindSignatoryRequest>;

/** POST /clientia/contracts/:documentId/cancel (manage records): the request is withdrawn; the contract is a draft again. */
export const cancelSigningRequest = z
  .strictObject({
    reason: clearableText(CANCEL_REASON_MAX),
  })
  .nullish();
export type CancelSigningRequest = z.input<typeof cancelSigningRequest>;

/** POST /clientia/contracts/:documentId/amendments (manage records): a draft amendment of a signed contract. */
export const amendContractRequest = z
  .strictObject({
    /** Left out, "Amendment to <title>". */
    title: requiredText(CONTRACT_TITLE_MAX).optional(),
  })
  .nullish();
export type AmendContractRequest = z.input<typeof amendContractRequest>;
