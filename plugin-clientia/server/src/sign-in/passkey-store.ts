import type { Core } from '@strapi/strapi';

import type { PasskeySummary } from '../../../shared/contracts/sign-in';
import { records } from '../repositories/records';
import type { Row } from '../repositories/rows';
import { UID } from '../constants';

/** A stored credential, as the ceremonies need it. */
export interface StoredPasskey {
  id: number;
  documentId: string;
  userId: number | null;
  credentialId: string;
  publicKey: string;
  userHandle: string;
  counter: number;
  transports: string[];
  name: string;
  createdAt: Date | string;
  lastUsedAt: Date | string | null;
  backedUp: boolean;
}

const FIELDS = ['id', 'documentId', 'credentialId', 'publicKey', 'userHandle', 'counter', 'transports', 'name', 'createdAt', 'lastUsedAt', 'backedUp'];

const passkeys = (strapi: Core.Strapi) => records(strapi, UID.passkey);

const toPasskey = (row: Row): StoredPasskey => ({
  id: Number(row.id),
  documentId: String(row.documentId),
  userId: (row.user as Row | null | undefined)?.id ? Number((row.user as Row).id) : null,
  credentialId: String(row.credentialId),
  publicKey: String(row.publicKey),
  userHandle: String(row.userHandle),
  // A biginteger column comes back as text on PostgreSQL; an authenticator's counter fits 32 bits.
  counter: Number(row.counter ?? 0),
  transports: Array.isArray(row.transports) ? (row.transports as unknown[]).filter((item): item is string => typeof item === 'string') : [],
  name: String(row.name ?? ''),
  createdAt: row.createdAt as Date | string,
  lastUsedAt: (row.lastUsedAt as Date | string | null | undefined) ?? null,
  // SQLite answers booleans as 0 and 1.
  backedUp: Boolean(row.backedUp),
});

const iso = (value: Date | string) => new Date(value).toISOString();

export const summarizePasskey = (passkey: StoredPasskey): PasskeySummary => ({
  id: passkey.documentId,
  name: passkey.name,
  createdAt: iso(passkey.createdAt),
  lastUsedAt: passkey.lastUsedAt ? iso(passkey.lastUsedAt) : null,
  backedUp: passkey.backedUp,
});

/** The account's passkeys, oldest first (the order they were added). */
export const passkeysOf = async (strapi: Core.Strapi, userId: number): Promise<StoredPasskey[]> =>
  (await passkeys(strapi).findMany({ where: { user: { id: userId } }, select: FIELDS, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })).map(
    (row) => ({ ...toPasskey(row), userId })
  );

/** The account's passkeys for its security page. */
export const listPasskeys = async (strapi: Core.Strapi, userId: number): Promise<PasskeySummary[]> =>
  (await passkeysOf(strapi, userId)).map(summarizePasskey);

/** The credential a sign-in names, with its owner. */
export const passkeyByCredential = async (strapi: Core.Strapi, credentialId: string): Promise<StoredPasskey | null> => {
  const row = await passkeys(strapi).findOne({ where: { credentialId }, select: FIELDS, populate: { user: { select: ['id'] } } });
  // Credential ids are base64url, where case matters; MySQL's usual collations ignore it.
  return row && row.credentialId === credentialId ? toPasskey(row) : null;
};

/** One of the account's own passkeys; another account's is as missing as an unknown one. */
export const ownPasskey = async (strapi: Core.Strapi, userId: number, documentId: string): Promise<StoredPasskey | null> => {
  const row = await passkeys(strapi).findOne({ where: { documentId, user: { id: userId } }, select: FIELDS });
  return row ? { ...toPasskey(row), userId } : null;
};

interface NewPasskey {
  userId: number;
  credentialId: string;
  publicKey: string;
  userHandle: string;
  counter: number;
  transports: string[];
  deviceType: string;
  backedUp: boolean;
  name: string;
}

export const createPasskey = async (strapi: Core.Strapi, passkey: NewPasskey): Promise<StoredPasskey> => {
  const { userId, ...data } = passkey;
  const row = (await strapi.db.query(UID.passkey as never).create({ data: { ...data, user: userId }, select: FIELDS })) as Row;
  return { ...toPasskey(row), userId };
};

export const renamePasskey = async (strapi: Core.Strapi, passkey: StoredPasskey, name: string): Promise<StoredPasskey> => {
  const row = await passkeys(strapi).update({ where: { id: passkey.id }, data: { name }, select: FIELDS });
  return row ? { ...toPasskey(row), userId: passkey.userId } : { ...passkey, name };
};

export const deletePasskey = async (strapi: Core.Strapi, passkey: StoredPasskey) => {
  await strapi.db.query(UID.passkey as never).delete({ where: { id: passkey.id } });
};

/**
 * Records a verified use. The counter moves only forward: the update names the counter it read,
 * so of two assertions racing with the same counter value only one gets through.
 */
export const recordPasskeyUse = async (
  strapi: Core.Strapi,
  passkey: StoredPasskey,
  use: { counter: number; backedUp: boolean; deviceType: string; at: Date }
): Promise<boolean> => {
  const where: Record<string, unknown> = { id: passkey.id };
  if (use.counter > 0) where.counter = { $lt: use.counter };
  const { count } = (await strapi.db
    .query(UID.passkey as never)
    .updateMany({ where, data: { counter: use.counter, backedUp: use.backedUp, deviceType: use.deviceType, lastUsedAt: use.at } })) as { count: number };
  return count > 0;
};
