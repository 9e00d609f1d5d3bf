import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

import { encodeCBOR, type CBORType } from '@levischuck/tiny-cbor';

/**
 * A passkey authenticator in software, as a phone or a laptop's platform authenticator behaves
 * towards the server: a P-256 key per credential, `none` attestation, discoverable credentials
 * that remember their RP id and user handle, and a signature counter. Tests use it to drive the
 * WebAuthn ceremonies end to end without a browser.
 */

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_BE = 0x08;
const FLAG_BS = 0x10;
const FLAG_AT = 0x40;

const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

export interface SoftwareCredential {
  /** base64url, as the server stores it. */
  id: string;
  rpId: string;
  /** base64url, the handle the server gave at registration. */
  userHandle: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  counter: number;
}

export interface AuthenticatorBehaviour {
  /** Report user verification (a PIN or biometric check). Default true. */
  userVerified?: boolean;
  /** Let the platform sync the credential (backup eligible and backed up). Default false. */
  synced?: boolean;
  /** Step between signature counters; 0 for an authenticator without a counter. Default 1. */
  counterStep?: number;
}

/** The part of WebAuthn creation options this authenticator reads. */
export interface CreationOptions {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string; displayName: string };
  excludeCredentials?: { id: string }[];
}

/** The part of WebAuthn request options this authenticator reads. */
export interface RequestOptions {
  challenge: string;
  rpId?: string;
  allowCredentials?: { id: string }[];
}

export interface CeremonyContext {
  /** The page's origin as the browser would report it. */
  origin: string;
  /** Overrides the RP id the authenticator binds to (default: the options' RP id). */
  rpId?: string;
}

/** COSE_Key of an EC2 P-256 public key for ES256 (RFC 9053). */
const coseKey = (publicKey: KeyObject) => {
  const jwk = publicKey.export({ format: 'jwk' });
  return encodeCBOR(
    new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(jwk.x!, 'base64url')],
      [-3, Buffer.from(jwk.y!, 'base64url')],
    ])
  );
};

const u32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value >>> 0);
  return bytes;
};

const u16 = (value: number) => {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16BE(value);
  return bytes;
};

export class SoftwareAuthenticator {
  readonly credentials: SoftwareCredential[] = [];
  private readonly behaviour: Required<AuthenticatorBehaviour>;

  constructor(behaviour: AuthenticatorBehaviour = {}) {
    this.behaviour = { userVerified: true, synced: false, counterStep: 1, ...behaviour };
  }

  private flags(extra: number) {
    return FLAG_UP | (this.behaviour.userVerified ? FLAG_UV : 0) | (this.behaviour.synced ? FLAG_BE | FLAG_BS : 0) | extra;
  }

  private authenticatorData(rpId: string, flags: number, counter: number, attested?: Buffer) {
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), u32(counter), ...(attested ? [attested] : [])]);
  }

  private clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, origin: string) {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), 'utf8');
  }

  /** `navigator.credentials.create()` followed by `toJSON()`: a new discoverable credential. */
  create(options: CreationOptions, context: CeremonyContext) {
    const rpId = context.rpId ?? options.rp.id ?? new URL(context.origin).hostname;
    const excluded = new Set((options.excludeCredentials ?? []).map((credential) => credential.id));
    if (this.credentials.some((credential) => excluded.has(credential.id) && credential.rpId === rpId)) {
      throw new Error('InvalidStateError: this authenticator already holds a credential for the account');
    }
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const rawId = randomBytes(32);
    const id = b64url(rawId);
    const credential: SoftwareCredential = { id, rpId, userHandle: options.user.id, privateKey, publicKey, counter: 0 };
    // A discoverable credential replaces the one the authenticator held for the same account.
    const same = this.credentials.findIndex((held) => held.rpId === rpId && held.userHandle === options.user.id);
    if (same >= 0) this.credentials.splice(same, 1);
    this.credentials.push(credential);

    const attested = Buffer.concat([Buffer.alloc(16), u16(rawId.length), rawId, Buffer.from(coseKey(publicKey))]);
    const authData = this.authenticatorData(rpId, this.flags(FLAG_AT), credential.counter, attested);
    const attestationObject = encodeCBOR(
      new Map<string, CBORType>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, CBORType>()],
        ['authData', authData],
      ])
    );
    return {
      id,
      rawId: id,
      type: 'public-key' as const,
      authenticatorAttachment: 'platform' as const,
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64url(this.clientData('webauthn.create', options.challenge, context.origin)),
        attestationObject: b64url(attestationObject),
        transports: ['internal', 'hybrid'],
      },
    };
  }

  /**
   * `navigator.credentials.get()` followed by `toJSON()`: an assertion by the credential for the
   * RP id (the first allowed one, or the newest discoverable one), or by the one named.
   */
  get(options: RequestOptions, context: CeremonyContext & { credentialId?: string }) {
    const rpId = context.rpId ?? options.rpId ?? new URL(context.origin).hostname;
    const allowed = new Set((options.allowCredentials ?? []).map((credential) => credential.id));
    const candidates = this.credentials.filter(
      (credential) =>
        (context.credentialId ? credential.id === context.credentialId : credential.rpId === rpId) && (allowed.size === 0 || allowed.has(credential.id))
    );
    const credential = candidates[candidates.length - 1];
    if (!credential) throw new Error('NotAllowedError: no credential for this RP id');
    credential.counter += this.behaviour.counterStep;
    return this.assert(credential, options.challenge, context.origin, rpId);
  }

  /** An assertion signed with the credential's key, with every input given as is (for replaying and tampering in tests). */
  assert(credential: SoftwareCredential, challenge: string, origin: string, rpId = credential.rpId, counter = credential.counter) {
    const authData = this.authenticatorData(rpId, this.flags(0), counter);
    const clientDataJSON = this.clientData('webauthn.get', challenge, origin);
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), credential.privateKey);
    return {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key' as const,
      authenticatorAttachment: 'platform' as const,
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        userHandle: credential.userHandle,
      },
    };
  }
}
