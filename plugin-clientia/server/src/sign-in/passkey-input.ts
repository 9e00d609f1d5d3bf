import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';

import { assertBodyKeys } from '../controllers/validation';
import { fieldError } from '../domain/errors';
import { emptyBody, readStorableText } from '../portal/threads/request';
import { CHALLENGE_TOKEN } from './challenges';

/** A passkey's name as the contact sees it in their account. */
export const PASSKEY_NAME_MAX = 60;

const BASE64URL = /^[A-Za-z0-9_-]*$/;
// A credential id is at most 1023 bytes (WebAuthn); everything else is bounded well above what authenticators send.
const MAX_ID = 1400;
const MAX_PART = 64 * 1024;

/** The options routes take no input, only an empty JSON object. */
export const readNoInput = (body: unknown) => {
  assertBodyKeys(emptyBody(body), []);
};

const readChallenge = (body: Record<string, unknown>) => {
  const value = body.challenge;
  if (typeof value !== 'string' || !CHALLENGE_TOKEN.test(value)) throw fieldError('challenge', 'must be the challenge the options call answered');
  return value;
};

const object = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

const base64url = (value: unknown, path: string[], max: number, required = true): string | undefined => {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || !value || value.length > max || !BASE64URL.test(value)) {
    throw fieldError(['response', ...path], 'must be base64url text, as the browser gives it');
  }
  return value;
};

/** The parts every credential from `navigator.credentials` carries, checked for shape only: the library verifies the rest. */
const readCredential = (value: unknown) => {
  if (!object(value)) throw fieldError('response', 'must be the credential the browser returned, as JSON');
  const id = base64url(value.id, ['id'], MAX_ID)!;
  const rawId = base64url(value.rawId, ['rawId'], MAX_ID)!;
  if (value.type !== 'public-key') throw fieldError(['response', 'type'], 'must be public-key');
  if (!object(value.response)) throw fieldError(['response', 'response'], 'must be the authenticator’s response, as JSON');
  const extensions = value.clientExtensionResults ?? {};
  if (!object(extensions)) throw fieldError(['response', 'clientExtensionResults'], 'must be an object');
  const attachment = value.authenticatorAttachment;
  if (attachment !== undefined && attachment !== null && attachment !== 'platform' && attachment !== 'cross-platform') {
    throw fieldError(['response', 'authenticatorAttachment'], 'must be platform or cross-platform');
  }
  return {
    id,
    rawId,
    type: 'public-key' as const,
    inner: value.response,
    clientExtensionResults: extensions,
    ...(attachment ? { authenticatorAttachment: attachment } : {}),
  };
};

export interface PasskeySignInInput {
  challenge: string;
  response: AuthenticationResponseJSON;
}

export const readPasskeySignIn = (input: unknown): PasskeySignInInput => {
  const body = assertBodyKeys(input, ['challenge', 'response']);
  const challenge = readChallenge(body);
  const { inner, ...credential } = readCredential(body.response);
  const userHandle = base64url(inner.userHandle ?? undefined, ['response', 'userHandle'], MAX_ID, false);
  return {
    challenge,
    response: {
      ...credential,
      response: {
        clientDataJSON: base64url(inner.clientDataJSON, ['response', 'clientDataJSON'], MAX_PART)!,
        authenticatorData: base64url(inner.authenticatorData, ['response', 'authenticatorData'], MAX_PART)!,
        signature: base64url(inner.signature, ['response', 'signature'], MAX_PART)!,
        ...(userHandle ? { userHandle } : {}),
      },
    } as AuthenticationResponseJSON,
  };
};

const TRANSPORTS = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'];

/** Transports the browser reports: kept only when known, as hints for the next ceremony. */
export const knownTransports = (value: unknown): string[] =>
  Array.isArray(value) ? [...new Set(value.filter((item): item is string => typeof item === 'string' && TRANSPORTS.includes(item)))] : [];

export interface PasskeyRegistrationInput {
  challenge: string;
  response: RegistrationResponseJSON;
  /** Absent: the server names it ("Passkey 2"). */
  name: string | undefined;
}

export const readPasskeyName = (body: Record<string, unknown>) => readStorableText(body, 'name', PASSKEY_NAME_MAX);

export const readPasskeyRegistration = (input: unknown): PasskeyRegistrationInput => {
  const body = assertBodyKeys(input, ['challenge', 'response', 'name']);
  const challenge = readChallenge(body);
  const { inner, ...credential } = readCredential(body.response);
  const transports = inner.transports;
  if (transports !== undefined && !Array.isArray(transports)) throw fieldError(['response', 'response', 'transports'], 'must be a list');
  return {
    challenge,
    response: {
      ...credential,
      response: {
        clientDataJSON: base64url(inner.clientDataJSON, ['response', 'clientDataJSON'], MAX_PART)!,
        attestationObject: base64url(inner.attestationObject, ['response', 'attestationObject'], MAX_PART)!,
        transports: knownTransports(transports),
      },
    } as RegistrationResponseJSON,
    name: body.name === undefined || body.name === null ? undefined : readPasskeyName(body),
  };
};

export const readPasskeyRename = (input: unknown) => readPasskeyName(assertBodyKeys(input, ['name']));
