/**
 * Signing a contract from the portal: reading and checking the sign and decline forms, the
 * headers that tell Strapi how the signer reached the portal, and the API's refusals in the
 * contact's words.
 */
import { createHash } from 'node:crypto';

import type {
  DeclineContractRequest,
  PortalSigningView,
  SignContractRequest,
  SigningLocale,
  SigningRefusal,
} from '@clientia/shared/contracts/signing';
import type { Formatter } from '../format';
import type { MessageKey, Translator } from '../i18n';
import { fieldOf } from './auth';
import { browserHeaders } from './forwarded';
import { StrapiError } from './strapi';
import { DECLINE_REASON_MAX, TYPED_NAME_MAX } from '@clientia/shared/contracts/signing';

export { cleanUserAgent, USER_AGENT_MAX } from './forwarded';

/** The API's limits for the typed name and a reason for declining. */
export { DECLINE_REASON_MAX, TYPED_NAME_MAX };

export const SIGNING_REFUSALS: readonly SigningRefusal[] = [
  'not_signatory',
  'not_signable',
  'already_signed',
  'not_your_turn',
  'document_changed',
  'consent_outdated',
];

const SHA256_HEX = /^[a-f0-9]{64}$/;
/** A typed name is letters, marks, spaces and punctuation: never control or invisible characters. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u;
const LETTER = /\p{L}/u;

/** The consent text and the pages speak the contact's language; the API knows English and German. */
export const signingLocaleOf = (t: Pick<Translator, 'language'>): SigningLocale => (t.language === 'de' ? 'de' : 'en');

/* ------------------------------------------------------------------ signer context */

/** Headers Strapi reads (from the portal only, as a trusted proxy) to record how the signer reached it. */
export type SignerHeaders = Readonly<Record<string, string>>;

interface SignerRequest {
  /** The browser's address as the portal resolved it (Astro's clientAddress). */
  clientAddress: string | null | undefined;
  /** The browser session's store key; it is hashed again so the trail never holds the key itself. */
  sessionKey: string;
  userAgent: string | null | undefined;
  /** How the contact signed in, as `authMethodOf` words it (password-totp, passkey...). */
  authMethod: string;
}

const sessionHashOf = (sessionKey: string) => createHash('sha256').update(sessionKey).digest('hex');

/** What the API accepts as a sign-in method; anything else would be recorded as a bare token. */
const AUTH_METHOD = /^[a-z][a-z0-9_-]{0,31}$/;

export const signerHeaders = (request: SignerRequest): SignerHeaders => ({
  'x-clientia-session': sessionHashOf(request.sessionKey),
  'x-clientia-auth-method': AUTH_METHOD.test(request.authMethod) ? request.authMethod : 'password',
  ...browserHeaders(request),
});

/* ------------------------------------------------------------------ forms */

export type SigningField = 'consent' | 'typedName' | 'reason';
export type SigningErrors = Partial<Record<SigningField, string>>;

interface SignForm {
  typedName: string;
  consent: boolean;
  errors: SigningErrors;
  /**
   * The page the form came from no longer matches what the API expects (its hidden fields are
   * missing or malformed): the signer is asked to review the document again.
   */
  stale: boolean;
  /** What the API is sent, when nothing is wrong. */
  request: SignContractRequest | null;
}

interface DeclineForm {
  reason: string;
  errors: SigningErrors;
  request: DeclineContractRequest | null;
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

/** Browsers post line breaks as CRLF, which would count twice against the limit the text box showed. */
const storable = (value: string) => value.replace(/\r\n?/g, '\n').replaceAll('\u0000', '');

export const readSignForm = (form: FormData, t: Translator, fmt: Formatter): SignForm => {
  // Recorded as typed (the API only joins runs of spaces); counted in UTF-16 code units, as the
  // browser's maxlength and the API count it.
  const typedName = text(form, 'typedName').slice(0, 4 * TYPED_NAME_MAX).trim();
  const consent = text(form, 'consent') === 'yes';
  const documentHash = text(form, 'documentHash').trim().toLowerCase();
  const consentVersion = text(form, 'consentVersion').trim().toLowerCase();
  const errors: SigningErrors = {};

  if (!consent) errors.consent = t('signing.consent.missing');
  if (!typedName) errors.typedName = t('signing.name.missing');
  else if (typedName.replace(/\s+/g, ' ').length > TYPED_NAME_MAX) errors.typedName = t('signing.name.tooLong', { max: fmt.number(TYPED_NAME_MAX) });
  else if (INVISIBLE.test(typedName) || !LETTER.test(typedName)) errors.typedName = t('signing.name.invalid');

  const stale = !SHA256_HEX.test(documentHash) || !SHA256_HEX.test(consentVersion);
  const request = Object.keys(errors).length === 0 && !stale ? { documentHash, consent: true, consentVersion, typedName } : null;
  return { typedName, consent, errors, stale, request };
};

export const readDeclineForm = (form: FormData, t: Translator, fmt: Formatter): DeclineForm => {
  // Read with room for CRLF pairs, so the length is checked on the text as it will be stored.
  const reason = storable(text(form, 'reason').slice(0, 2 * DECLINE_REASON_MAX + 1)).trim();
  const errors: SigningErrors = {};
  if (!reason) errors.reason = t('signing.decline.reason.missing');
  else if (reason.length > DECLINE_REASON_MAX) errors.reason = t('signing.decline.reason.tooLong', { max: fmt.number(DECLINE_REASON_MAX) });
  return { reason, errors, request: Object.keys(errors).length === 0 ? { reason } : null };
};

/* ------------------------------------------------------------------ refusals */

const REFUSAL_KEY: Record<SigningRefusal, MessageKey> = {
  not_signatory: 'signing.refusal.not_signatory',
  not_signable: 'signing.refusal.not_signable',
  already_signed: 'signing.refusal.already_signed',
  not_your_turn: 'signing.refusal.not_your_turn',
  document_changed: 'signing.refusal.document_changed',
  consent_outdated: 'signing.refusal.consent_outdated',
};

const isSigningRefusal = (value: unknown): value is SigningRefusal =>
  typeof value === 'string' && (SIGNING_REFUSALS as readonly string[]).includes(value);

/** What the view tells about the caller's situation, to say a refusal precisely. */
interface RefusalContext {
  /** When the caller signed. */
  signedAt?: string | null;
  /** The signatory whose turn it is (sequential signing), by name. */
  waitingFor?: string | null;
}

/** A refusal in the contact's words; with the view's details when they are known. */
export const refusalMessage = (refusal: SigningRefusal, t: Translator, fmt: Formatter, context: RefusalContext = {}): string => {
  if (refusal === 'already_signed' && context.signedAt) return t('signing.refusal.already_signed.on', { date: fmt.dateTime(context.signedAt) });
  if (refusal === 'not_your_turn' && context.waitingFor) return t('signing.refusal.not_your_turn.named', { name: context.waitingFor });
  return t(REFUSAL_KEY[refusal]);
};

/** The first signatory still to sign before the caller, when signing is in order. */
export const waitingFor = (view: Pick<PortalSigningView, 'sequential' | 'signatories'>): PortalSigningView['signatories'][number] | null => {
  if (!view.sequential) return null;
  const caller = view.signatories.find((signatory) => signatory.isCaller);
  const before = view.signatories
    .filter((signatory) => !signatory.isCaller && signatory.status === 'pending' && (!caller || signatory.order < caller.order))
    .sort((a, b) => a.order - b.order);
  return before[0] ?? null;
};

/**
 * Why the caller cannot sign, from the view: their own decision first (signed, declined), then
 * the contract's state, then the API's reason.
 */
export const cannotSignMessage = (view: PortalSigningView, t: Translator, fmt: Formatter): string | null => {
  if (view.caller.canSign) return null;
  if (view.caller.signedAt) return t('signing.refusal.already_signed.on', { date: fmt.dateTime(view.caller.signedAt) });
  if (view.caller.declinedAt) return t('signing.state.youDeclined', { date: fmt.dateTime(view.caller.declinedAt) });
  if (view.completed) return t('signing.state.completed');
  const refusal = view.caller.refusal ?? 'not_signable';
  if (refusal === 'not_signable') {
    const decliner = view.signatories.find((signatory) => signatory.status === 'declined');
    if (decliner) return decliner.name ? t('signing.state.declinedBy', { name: decliner.name }) : t('signing.state.declined');
  }
  const next = waitingFor(view);
  return refusalMessage(refusal, t, fmt, { waitingFor: next ? (next.name ?? t('signing.someone')) : null });
};

/** What the page shows after the API refused a sign or decline request. */
export interface SigningFailure {
  /** The status the re-shown page answers with. */
  status: number;
  /** A refusal the API named. */
  refusal: SigningRefusal | null;
  /** Problems with the fields, by field. */
  errors: SigningErrors;
  /** Not about the input: the request may be sent again as it is. */
  failed: boolean;
}

/** The refusal a 409 names in `error.details.refusal`, if it names a known one. */
export const refusalOf = (error: unknown): SigningRefusal | null => {
  if (!(error instanceof StrapiError) || error.status !== 409) return null;
  const named = error.details?.details?.refusal;
  return isSigningRefusal(named) ? named : null;
};

/**
 * The API's answer to a sign or decline request in the contact's terms, or null when it is not
 * about the request (the page then answers as for any failed call: sign-in, 404, 403).
 */
export const signingFailureOf = (error: unknown, t: Translator, request: 'sign' | 'decline'): SigningFailure | null => {
  if (!(error instanceof StrapiError)) return null;
  const failure: SigningFailure = { status: error.status, refusal: null, errors: {}, failed: false };
  if (error.status === 409) {
    failure.refusal = refusalOf(error);
    // A conflict the portal does not know: the page is shown again with the contract as it is now.
    if (!failure.refusal) failure.failed = true;
  } else if (error.status === 400) {
    // Only the fields of the form that was posted are mapped back; anything else is not the signer's to fix.
    const named = fieldOf(error);
    if (request === 'sign' && named === 'typedName') failure.errors.typedName = t('signing.name.invalid');
    else if (request === 'sign' && named === 'consent') failure.errors.consent = t('signing.consent.missing');
    else if (request === 'sign' && named === 'documentHash') failure.refusal = 'document_changed';
    else if (request === 'sign' && named === 'consentVersion') failure.refusal = 'consent_outdated';
    else if (request === 'decline' && named === 'reason') failure.errors.reason = t('signing.decline.reason.invalid');
    else failure.failed = true;
  } else if (error.status === 429 || error.status >= 500) {
    failure.failed = true;
  } else return null;
  return failure;
};
