import { randomBytes } from 'node:crypto';

import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { z } from 'zod';

import type { PasskeyCeremony, PasskeySignInRequest, PasskeySummary, passkeyRegistrationRequest, SignedIn } from '../../../shared/contracts/sign-in';
import { fieldError } from '../domain/errors';
import { recordSignInEvent } from './activity';
import { challengesFrom, consumeChallenge, createChallenge } from './challenges';
import { passkeyAccount } from './passkey-account';
import { relyingParty } from './passkey-relying-party';
import {
  createPasskey,
  deletePasskey,
  ownPasskey,
  passkeyByCredential,
  passkeysOf,
  recordPasskeyUse,
  renamePasskey,
  summarizePasskey,
  type StoredPasskey,
} from './passkey-store';
import { requestContext, type SignInHttpContext } from './request';
import { openSession } from './sessions';

/** A ceremony's challenge lives as long as the browser's own prompt may stay open. */
const PASSKEY_CHALLENGE_TTL_MS = 5 * 60_000;
/** Enough for every device a person uses, few enough that the sign-in page stays fast. */
const MAX_PASSKEYS_PER_ACCOUNT = 20;
// ES256 (every platform authenticator), EdDSA and RS256 (Windows Hello); offered and accepted alike.
const ALGORITHMS = [-7, -8, -257];
// Credential ids longer than the column are refused at registration rather than cut.
const MAX_CREDENTIAL_ID = 255;

/** One answer for every failed passkey sign-in: which check failed is for the activity log, not the browser. */
export const PASSKEY_SIGN_IN_FAILED = 'This passkey could not sign you in. Try again, or sign in with your email address.';

/** A signed-in contact, as the registration ceremony names them to the authenticator. */
export interface PasskeyOwner {
  id: number;
  email: string;
  displayName: string;
}

const failed = () => new errors.UnauthorizedError(PASSKEY_SIGN_IN_FAILED);

const webauthnChallengeOf = (data: Record<string, unknown> | null | undefined) =>
  typeof data?.webauthnChallenge === 'string' ? data.webauthnChallenge : null;

// The authenticator stores this as the account's user handle: random, so neither the email nor the row id leaves the server.
const newUserHandle = () => isoBase64URL.fromBuffer(randomBytes(32));

/** Registration, step 1: what the browser passes to `navigator.credentials.create`. */
export const passkeyRegistrationOptions = async (
  strapi: Core.Strapi,
  ctx: SignInHttpContext,
  owner: PasskeyOwner
): Promise<PasskeyCeremony<PublicKeyCredentialCreationOptionsJSON>> => {
  const existing = await passkeysOf(strapi, owner.id);
  if (existing.length >= MAX_PASSKEYS_PER_ACCOUNT) {
    throw new errors.ValidationError(`An account holds at most ${MAX_PASSKEYS_PER_ACCOUNT} passkeys: remove one before adding another`);
  }
  // One handle per account, so an authenticator replaces its old passkey for this account instead of adding a second.
  const userHandle = existing[0]?.userHandle ?? newUserHandle();
  const rp = await relyingParty(strapi);
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: owner.email,
    userID: isoBase64URL.toBuffer(userHandle),
    userDisplayName: owner.displayName,
    timeout: PASSKEY_CHALLENGE_TTL_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((passkey) => ({ id: passkey.credentialId, transports: passkey.transports })),
    authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
    supportedAlgorithmIDs: ALGORITHMS,
  });
  const { token } = await createChallenge(strapi, {
    kind: 'passkey-registration',
    userId: owner.id,
    method: 'passkey',
    data: { webauthnChallenge: options.challenge, userHandle },
    ttlMs: PASSKEY_CHALLENGE_TTL_MS,
  });
  return { challenge: token, options };
};

/** "Passkey 1", "Passkey 2", …: the lowest number not taken by one of the account's names. */
const defaultName = (existing: StoredPasskey[]) => {
  const taken = new Set(existing.map((passkey) => passkey.name));
  let n = 1;
  while (taken.has(`Passkey ${n}`)) n += 1;
  return `Passkey ${n}`;
};

const EXPIRED_CEREMONY = 'has expired or was already used: start adding the passkey again';
const NOT_VERIFIED = 'could not be verified for this portal: start adding the passkey again';

/** Registration, step 2: verifies the new credential against the challenge and keeps it. */
export const registerPasskey = async (
  strapi: Core.Strapi,
  ctx: SignInHttpContext,
  owner: PasskeyOwner,
  input: z.output<typeof passkeyRegistrationRequest>
): Promise<PasskeySummary> => {
  const challenge = await consumeChallenge(strapi, input.challenge, 'passkey-registration');
  const expected = webauthnChallengeOf(challenge?.data);
  const userHandle = typeof challenge?.data?.userHandle === 'string' ? challenge.data.userHandle : null;
  if (!challenge || challenge.userId !== owner.id || !expected || !userHandle) throw fieldError('challenge', EXPIRED_CEREMONY);

  const rp = await relyingParty(strapi);
  let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verification = await verifyRegistrationResponse({
      // Checked for shape by the request's schema; the library verifies the rest.
      response: input.response as RegistrationResponseJSON,
      expectedChallenge: expected,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserPresence: true,
      requireUserVerification: true,
      supportedAlgorithmIDs: ALGORITHMS,
    });
  } catch (error) {
    strapi.log.debug(`Passkey registration refused: ${(error as Error).message}`);
    throw fieldError('response', NOT_VERIFIED);
  }
  if (!verification.verified) throw fieldError('response', NOT_VERIFIED);

  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
  if (credential.id.length > MAX_CREDENTIAL_ID) throw fieldError('response', 'comes from an authenticator whose credential ids are too long for this portal');
  if (await passkeyByCredential(strapi, credential.id)) throw fieldError('response', 'this passkey is already registered');

  const existing = await passkeysOf(strapi, owner.id);
  if (existing.length >= MAX_PASSKEYS_PER_ACCOUNT) {
    throw new errors.ValidationError(`An account holds at most ${MAX_PASSKEYS_PER_ACCOUNT} passkeys: remove one before adding another`);
  }
  let stored: StoredPasskey;
  try {
    stored = await createPasskey(strapi, {
      userId: owner.id,
      credentialId: credential.id,
      publicKey: isoBase64URL.fromBuffer(credential.publicKey),
      userHandle,
      counter: credential.counter,
      transports: input.response.response.transports ?? [],
      deviceType: credentialDeviceType,
      backedUp: credentialBackedUp,
      name: input.name ?? defaultName(existing),
    });
  } catch (error) {
    // The same credential sent twice at once: the unique index lets one through.
    if (await passkeyByCredential(strapi, credential.id)) throw fieldError('response', 'this passkey is already registered');
    throw error;
  }

  const { ip, userAgent } = requestContext(ctx, strapi);
  await recordSignInEvent(strapi, { userId: owner.id, verb: 'passkey-added', details: { method: 'passkey', passkey: stored.name, ip, userAgent } });
  return summarizePasskey(stored);
};

export const renameOwnPasskey = async (strapi: Core.Strapi, userId: number, documentId: string, name: string): Promise<PasskeySummary | null> => {
  const passkey = await ownPasskey(strapi, userId, documentId);
  return passkey ? summarizePasskey(await renamePasskey(strapi, passkey, name)) : null;
};

/** Removes one of the account's passkeys; false when it names none of them. */
export const removeOwnPasskey = async (strapi: Core.Strapi, ctx: SignInHttpContext, userId: number, documentId: string): Promise<boolean> => {
  const passkey = await ownPasskey(strapi, userId, documentId);
  if (!passkey) return false;
  await deletePasskey(strapi, passkey);
  const { ip, userAgent } = requestContext(ctx, strapi);
  await recordSignInEvent(strapi, { userId, verb: 'passkey-removed', details: { method: 'passkey', passkey: passkey.name, ip, userAgent } });
  return true;
};

/**
 * Anonymous passkey ceremonies one address may open in a window: each is a row until it expires,
 * and the route needs no account, so without a limit anyone could fill the table.
 */
export const PASSKEY_SIGN_IN_PER_ADDRESS = { limit: 30, windowMs: 10 * 60_000 } as const;

/** Sign-in, step 1: a challenge for any of the portal's passkeys (the authenticator offers the accounts it holds). */
export const passkeySignInOptions = async (strapi: Core.Strapi, ctx: SignInHttpContext): Promise<PasskeyCeremony<PublicKeyCredentialRequestOptionsJSON>> => {
  const { ip } = requestContext(ctx, strapi);
  if (ip) {
    const since = new Date(Date.now() - PASSKEY_SIGN_IN_PER_ADDRESS.windowMs);
    if ((await challengesFrom(strapi, 'passkey-sign-in', ip, since)) >= PASSKEY_SIGN_IN_PER_ADDRESS.limit) {
      throw new errors.RateLimitError('Too many passkey sign-ins from this address; try again in a few minutes');
    }
  }
  const rp = await relyingParty(strapi);
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: [],
    userVerification: 'required',
    timeout: PASSKEY_CHALLENGE_TTL_MS,
  });
  const { token } = await createChallenge(strapi, {
    kind: 'passkey-sign-in',
    userId: null,
    method: 'passkey',
    data: { webauthnChallenge: options.challenge },
    ttlMs: PASSKEY_CHALLENGE_TTL_MS,
    ip,
  });
  return { challenge: token, options };
};

/**
 * Sign-in, step 2. The challenge is spent before anything is checked, so a response is tried at
 * most once. A verified passkey with user verification counts as both factors.
 */
export const signInWithPasskey = async (strapi: Core.Strapi, ctx: SignInHttpContext, input: PasskeySignInRequest): Promise<SignedIn> => {
  const challenge = await consumeChallenge(strapi, input.challenge, 'passkey-sign-in');
  const passkey = await passkeyByCredential(strapi, input.response.id);
  if (!passkey?.userId) throw failed();

  const { ip, userAgent } = requestContext(ctx, strapi);
  const refuse = async (reason: string) => {
    await recordSignInEvent(strapi, { userId: passkey.userId!, verb: 'sign-in-failed', details: { method: 'passkey', reason, ip, userAgent } });
    return failed();
  };

  const expected = webauthnChallengeOf(challenge?.data);
  if (!challenge || !expected) throw await refuse('challenge-expired-or-used');
  // Authenticators return the handle they were registered with; a different one is another account's credential.
  const handle = input.response.response.userHandle;
  if (handle && handle !== passkey.userHandle) throw await refuse('user-handle-mismatch');

  const rp = await relyingParty(strapi);
  let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verification = await verifyAuthenticationResponse({
      response: input.response as AuthenticationResponseJSON,
      expectedChallenge: expected,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: { id: passkey.credentialId, publicKey: isoBase64URL.toBuffer(passkey.publicKey), counter: passkey.counter, transports: passkey.transports },
      requireUserVerification: true,
    });
  } catch (error) {
    const message = (error as Error).message;
    strapi.log.debug(`Passkey sign-in refused: ${message}`);
    // The library refuses a counter that did not move forward: a sign the authenticator was cloned.
    throw await refuse(/counter/i.test(message) ? 'counter-not-increased' : 'verification-failed');
  }
  if (!verification.verified) throw await refuse('verification-failed');

  const account = await passkeyAccount(strapi, passkey.userId);
  if (!account || account.blocked) throw await refuse('blocked');
  if (!account.portalAccess) throw new errors.ForbiddenError('This account has no client portal access');

  const info = verification.authenticationInfo;
  const counted = await recordPasskeyUse(strapi, passkey, {
    counter: info.newCounter,
    backedUp: info.credentialBackedUp,
    deviceType: info.credentialDeviceType,
    at: new Date(),
  });
  if (!counted) throw await refuse('counter-not-increased');

  return openSession(strapi, ctx, { userId: account.id, method: 'passkey', secondFactor: 'none' });
};
