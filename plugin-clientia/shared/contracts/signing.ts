/**
 * Electronic signature of contracts: what the portal API (`/api/clientia/contracts/:id/...`,
 * `contracts` capability) and the admin API (`/clientia/contracts/:documentId/...`) exchange.
 *
 * A contract is sent with one or more signatories (contacts of its client who are marked as
 * signatories), optionally in order. Each signs the exact PDF they were shown: the sign request
 * carries the SHA-256 of those bytes, and the server refuses it when the stored document is no
 * longer the same. When the last one signs, the server produces the completed PDF (the original
 * pages plus a certificate page) and the contract is signed. Every step is an event in a hash
 * chain per contract that anyone allowed to see the contract can have verified.
 */
import { z } from 'zod';

import { DOCUMENT_ID, flag } from './fields';
import type { Money } from './money';
import { clientSelector, CLIENT_SELECTOR_QUERY_KEY } from './portal';

export const SIGNING_LOCALE_CODES = ['en', 'de'] as const;
export type SigningLocale = (typeof SIGNING_LOCALE_CODES)[number];

/** Why the caller cannot sign right now; `null` when they can. */
export type SigningRefusal =
  /** The caller is not among the contract's signatories. */
  | 'not_signatory'
  /** The contract is not waiting for signatures (draft, signed, declined, ...). */
  | 'not_signable'
  /** The caller has signed already. */
  | 'already_signed'
  /** Signing is in order and someone before the caller has not signed yet. */
  | 'not_your_turn'
  /** The stored document no longer has the SHA-256 the caller was shown. */
  | 'document_changed'
  /** The consent version sent is not the one in force. */
  | 'consent_outdated';

export type SignatoryStatus = 'pending' | 'signed' | 'declined';

export interface SigningSignatory {
  name: string | null;
  /** 1-based place in the signing order (alphabetical when signing is not in order). */
  order: number;
  status: SignatoryStatus;
  /** When they signed or declined (ISO, UTC). */
  at: string | null;
  isCaller: boolean;
}

/** The consent a signer gives, in the words shown; `version` is the SHA-256 of `text`. */
export interface SigningConsent {
  locale: SigningLocale;
  text: string;
  version: string;
}

export interface CompletedDocument {
  /** SHA-256 of the completed PDF (original pages plus the certificate page). */
  sha256: string;
  /** Printed on the certificate page; the same code the verification shows. */
  verificationCode: string;
  completedAt: string;
  size: number;
}

/** GET /api/clientia/contracts/:id/signing?locale=en|de — the consent in that language (the client's, else English, unless asked). */
export const signingViewQuery = z.strictObject({
  [CLIENT_SELECTOR_QUERY_KEY]: clientSelector,
  locale: z.enum(SIGNING_LOCALE_CODES, { error: `must be ${SIGNING_LOCALE_CODES.join(' or ')}` }).optional(),
});

export interface PortalSigningView {
  contract: { documentId: string; number: string | null; title: string; version: number; status: string };
  /** SHA-256 of the PDF the signatories are asked to sign; null before the contract is sent. */
  documentHash: string | null;
  sequential: boolean;
  signatories: SigningSignatory[];
  caller: {
    canSign: boolean;
    refusal: SigningRefusal | null;
    signedAt: string | null;
    declinedAt: string | null;
  };
  consent: SigningConsent;
  /** Present once every signatory has signed. */
  completed: CompletedDocument | null;
  /** The reason given when a signatory declined. */
  declineReason: string | null;
}
export interface GetPortalSigningResponse {
  data: PortalSigningView;
}

const HEX64 = /^[a-f0-9]{64}$/;
export const TYPED_NAME_MAX = 300;
export const DECLINE_REASON_MAX = 2000;
export const MAX_SIGNATORIES = 20;

/** Letters, marks, spaces and the punctuation of names; no control or invisible characters. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u;

/** The signer's full name as typed: NFC, runs of spaces as one, trimmed. */
const typedName = z
  .string({ error: 'type your full name' })
  .transform((name) => name.normalize('NFC').replace(/\s+/g, ' ').trim())
  .check((ctx) => {
    const name = ctx.value;
    const problem = !name
      ? 'type your full name'
      : name.length > TYPED_NAME_MAX
        ? `must be at most ${TYPED_NAME_MAX} characters`
        : INVISIBLE.test(name)
          ? 'must be your name as letters, without control or invisible characters'
          : !/\p{L}/u.test(name)
            ? 'must contain your name in letters'
            : null;
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: name });
  });

/** POST /api/clientia/contracts/:id/sign */
export const signContractRequest = z.strictObject({
  /** SHA-256 (hex) of the document bytes the signer was shown. */
  documentHash: z
    .string({ error: 'must be the SHA-256 of the document you were shown, as 64 lowercase hex digits' })
    .regex(HEX64, { error: 'must be the SHA-256 of the document you were shown, as 64 lowercase hex digits', abort: true }),
  /** Must be true: the signer ticked the consent. */
  consent: z
    .boolean({ error: 'must be true: tick the consent to sign electronically' })
    .refine((consent) => consent, { error: 'must be true: tick the consent to sign electronically', abort: true }),
  /** `consent.version` of the consent text shown. */
  consentVersion: z
    .string({ error: 'must be the version of the consent text you were shown' })
    .regex(HEX64, { error: 'must be the version of the consent text you were shown', abort: true }),
  /** The signer's full name as they typed it. */
  typedName,
});
export type SignContractRequest = z.infer<typeof signContractRequest>;

/** POST /api/clientia/contracts/:id/decline: why, in a few words (line breaks kept, as plain newlines). */
export const declineContractRequest = z.strictObject({
  reason: z
    .string({ error: 'say briefly why you decline to sign' })
    .transform((reason) => reason.replace(/\r\n?/g, '\n').trim())
    .check((ctx) => {
      const reason = ctx.value;
      const problem = !reason
        ? 'say briefly why you decline to sign'
        : reason.length > DECLINE_REASON_MAX
          ? `must be at most ${DECLINE_REASON_MAX} characters`
          : /[^\P{Cc}\n\t]/u.test(reason)
            ? 'must be plain text'
            : null;
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: reason });
    }),
});
export type DeclineContractRequest = z.infer<typeof declineContractRequest>;
export type SignContractResponse = GetPortalSigningResponse;

/** What the verification found. */
export interface VerificationFinding {
  kind: 'altered' | 'broken-link' | 'truncated' | 'document-changed' | 'foreign-event' | 'file-missing' | 'file-changed';
  /** Position of the event in the trail (0-based), or null for the trail or a file as a whole. */
  index: number | null;
  message: string;
}

export interface VerificationTrailEvent {
  type: 'sent' | 'email_delivered' | 'viewed' | 'consented' | 'signed' | 'declined' | 'completed' | 'cancelled';
  occurredAt: string;
  /** Who: the typed name on a signature, else the e-mail address, else null (the firm or the server). */
  actor: string | null;
  hash: string;
}

/**
 * GET /api/clientia/contracts/:id/verification (portal) and
 * GET /clientia/contracts/:documentId/verification (admin): the chain recomputed from the stored
 * events, the stored PDF and the completed PDF hashed again from their bytes.
 */
export interface ContractVerification {
  valid: boolean;
  checkedAt: string;
  contract: { documentId: string; number: string | null; version: number };
  events: number;
  /** Hash of the last event. */
  head: string | null;
  verificationCode: string | null;
  document: { recorded: string | null; actual: string | null };
  completedDocument: { recorded: string; actual: string | null } | null;
  findings: VerificationFinding[];
  trail: VerificationTrailEvent[];
}
export interface GetContractVerificationResponse {
  data: ContractVerification;
}

/** A contact of the contract's client, as staff choose signatories from them. */
export interface SigningCandidate {
  /** documentId of the membership. */
  documentId: string;
  name: string | null;
  email: string | null;
  role: 'owner' | 'admin' | 'billing' | 'member';
  /** Marked as a signatory and allowed to see contracts: can be asked to sign. */
  eligible: boolean;
}

/** One event of the trail with every field it records, for staff. */
export interface AdminSignatureEvent extends VerificationTrailEvent {
  contractVersion: number;
  documentHash: string | null;
  email: string | null;
  typedName: string | null;
  consentVersion: string | null;
  ip: string | null;
  userAgent: string | null;
  sessionHash: string | null;
  authMethod: string | null;
  reason: string | null;
  previousHash: string | null;
}

/** GET /clientia/contracts/:documentId/signing (read action) */
export interface AdminSigningView {
  contract: {
    documentId: string;
    number: string | null;
    title: string;
    kind: string;
    state: string;
    version: number;
    client: { documentId: string; name: string };
    hasFile: boolean;
    /** The PDF to sign, kept in private storage (never the public media library). */
    file: { storage: 'private'; name: string | null; size: number | null; sha256: string | null } | null;
    documentHash: string | null;
    sequentialSigning: boolean;
    sentAt: string | null;
    signedAt: string | null;
    amends: { documentId: string; number: string | null; title: string } | null;
    effectiveDate: string | null;
    endDate: string | null;
    renewalDate: string | null;
    value: Money | null;
    currency: string;
    internalNotes: string | null;
  };
  /** Contracts that amend this one, oldest first. */
  amendments: { documentId: string; number: string | null; title: string; state: string }[];
  /** Can be sent now: a draft with a PDF. */
  canSend: boolean;
  /** Why it cannot be sent, in words, or null. */
  cannotSendReason: string | null;
  candidates: SigningCandidate[];
  signatories: (SigningSignatory & { documentId: string; email: string | null })[];
  completed: CompletedDocument | null;
  declineReason: string | null;
  events: AdminSignatureEvent[];
}
export interface GetAdminSigningResponse {
  data: AdminSigningView;
}

/** POST /clientia/contracts/:documentId/send (manage records action) */
export const sendContractRequest = z.strictObject({
  /** Membership documentIds, in signing order when `sequential`. */
  signatories: z
    .array(z.string({ error: 'must be the documentId of a contact' }).regex(DOCUMENT_ID, { error: 'must be the documentId of a contact', abort: true }), {
      error: 'choose at least one signatory',
    })
    .min(1, { error: 'choose at least one signatory', abort: true })
    .max(MAX_SIGNATORIES, { error: `at most ${MAX_SIGNATORIES} signatories`, abort: true })
    .refine((signatories) => new Set(signatories).size === signatories.length, { error: 'names the same contact twice', abort: true }),
  /** Signatories sign one after another, in the order given; false unless sent. */
  sequential: flag()
    .optional()
    .transform((sequential) => sequential === true),
});
export type SendContractRequest = z.input<typeof sendContractRequest>;
export type SendContractResponse = GetAdminSigningResponse;

/* GET /clientia/contracts/:documentId/signed-file and GET /api/clientia/contracts/:id/signed-file:
   the completed PDF, once every signatory has signed (404 before). */
