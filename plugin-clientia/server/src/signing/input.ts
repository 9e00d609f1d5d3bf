import type { SendContractRequest, SignContractRequest } from '../../../shared/contracts/signing';
import { fieldError } from '../domain/errors';

const HEX64 = /^[a-f0-9]{64}$/;
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const MAX_TYPED_NAME = 300;
export const MAX_DECLINE_REASON = 2000;
export const MAX_SIGNATORIES = 20;

const objectBody = (body: unknown, known: readonly string[]): Record<string, unknown> => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw fieldError('body', 'must be a JSON object');
  const unknown = Object.keys(body).filter((key) => !known.includes(key));
  if (unknown.length) throw fieldError(unknown[0]!, 'is not accepted here');
  return body as Record<string, unknown>;
};

/** Letters, marks, spaces and the punctuation of names; no control or invisible characters. */
const cleanName = (value: string) => value.normalize('NFC').replace(/\s+/g, ' ').trim();
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u;

export const parseSignRequest = (body: unknown): SignContractRequest => {
  const input = objectBody(body, ['documentHash', 'consent', 'consentVersion', 'typedName']);
  const { documentHash, consent, consentVersion, typedName } = input;
  if (typeof documentHash !== 'string' || !HEX64.test(documentHash)) {
    throw fieldError('documentHash', 'must be the SHA-256 of the document you were shown, as 64 lowercase hex digits');
  }
  if (consent !== true) throw fieldError('consent', 'must be true: tick the consent to sign electronically');
  if (typeof consentVersion !== 'string' || !HEX64.test(consentVersion)) {
    throw fieldError('consentVersion', 'must be the version of the consent text you were shown');
  }
  if (typeof typedName !== 'string') throw fieldError('typedName', 'type your full name');
  const name = cleanName(typedName);
  if (!name) throw fieldError('typedName', 'type your full name');
  if (name.length > MAX_TYPED_NAME) throw fieldError('typedName', `must be at most ${MAX_TYPED_NAME} characters`);
  if (INVISIBLE.test(name)) throw fieldError('typedName', 'must be your name as letters, without control or invisible characters');
  if (!/\p{L}/u.test(name)) throw fieldError('typedName', 'must contain your name in letters');
  return { documentHash, consent: true, consentVersion, typedName: name };
};

export const parseDeclineRequest = (body: unknown): { reason: string } => {
  const input = objectBody(body, ['reason']);
  if (typeof input.reason !== 'string' || !input.reason.trim()) throw fieldError('reason', 'say briefly why you decline to sign');
  const reason = input.reason.replace(/\r\n?/g, '\n').trim();
  if (reason.length > MAX_DECLINE_REASON) throw fieldError('reason', `must be at most ${MAX_DECLINE_REASON} characters`);
  if (/[^\P{Cc}\n\t]/u.test(reason)) throw fieldError('reason', 'must be plain text');
  return { reason };
};

export const parseSendRequest = (body: unknown): SendContractRequest => {
  const input = objectBody(body, ['signatories', 'sequential']);
  const { signatories, sequential } = input;
  if (!Array.isArray(signatories) || signatories.length === 0) throw fieldError('signatories', 'choose at least one signatory');
  if (signatories.length > MAX_SIGNATORIES) throw fieldError('signatories', `at most ${MAX_SIGNATORIES} signatories`);
  signatories.forEach((value, index) => {
    if (typeof value !== 'string' || !DOCUMENT_ID.test(value)) throw fieldError(['signatories', index], 'must be the documentId of a contact');
  });
  if (new Set(signatories).size !== signatories.length) throw fieldError('signatories', 'names the same contact twice');
  if (sequential !== undefined && typeof sequential !== 'boolean') throw fieldError('sequential', 'must be true or false');
  return { signatories: signatories as string[], sequential: sequential === true };
};
