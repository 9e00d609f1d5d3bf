import { createHash } from 'node:crypto';

import type { Core } from '@strapi/strapi';

import { STRAPI_UID, UID } from '../constants';
import { records } from '../repositories/records';
import { text } from '../repositories/rows';

/**
 * A password reset code is a bearer secret: whoever holds it sets the account's password. The
 * users table keeps only its hash, so a database dump, a backup or a role that reads users opens
 * no account. users-permissions writes and compares `resetPasswordToken` itself (its own
 * "forgot password" route and `/api/auth/reset-password`); the query engine's lifecycles sit
 * under both, so every write stores the hash and every lookup by a code looks up its hash. A
 * stored hash sent as a code is hashed again and matches nothing.
 */
const PREFIX = 'sha256:';

export const hashedResetCode = (code: string) => `${PREFIX}${createHash('sha256').update(code, 'utf8').digest('hex')}`;

const isHashed = (value: unknown): boolean => typeof value === 'string' && value.startsWith(PREFIX) && value.length === PREFIX.length + 64;

type Params = { data?: Record<string, unknown>; where?: Record<string, unknown> };

const hashWritten = (params: Params) => {
  const data = params.data;
  if (!data || typeof data.resetPasswordToken !== 'string') return;
  // A hash already in the data (an update that copies a row) stays as it is.
  if (!isHashed(data.resetPasswordToken)) data.resetPasswordToken = hashedResetCode(data.resetPasswordToken);
};

/** `{ resetPasswordToken: code }`, `{ $eq: code }` or `{ $in: [...] }`, at any depth of $and/$or/$not. */
const hashCompared = (where: unknown): void => {
  if (!where || typeof where !== 'object') return;
  if (Array.isArray(where)) return where.forEach(hashCompared);
  const clause = where as Record<string, unknown>;
  for (const [key, value] of Object.entries(clause)) {
    if (key === '$and' || key === '$or' || key === '$not') hashCompared(value);
    if (key !== 'resetPasswordToken') continue;
    if (typeof value === 'string') clause[key] = hashedResetCode(value);
    else if (value && typeof value === 'object') {
      const operators = value as Record<string, unknown>;
      if (typeof operators.$eq === 'string') operators.$eq = hashedResetCode(operators.$eq);
      if (typeof operators.$ne === 'string') operators.$ne = hashedResetCode(operators.$ne);
      if (Array.isArray(operators.$in)) operators.$in = operators.$in.map((code) => (typeof code === 'string' ? hashedResetCode(code) : code));
    }
  }
};

const onRead = (event: { params: Params }) => hashCompared(event.params.where);
const onWrite = (event: { params: Params }) => {
  hashWritten(event.params);
  hashCompared(event.params.where);
};

export const hashResetCodes = (strapi: Core.Strapi) => {
  strapi.db.lifecycles.subscribe({
    models: [STRAPI_UID.user],
    beforeFindOne: onRead,
    beforeFindMany: onRead,
    beforeCount: onRead,
    beforeDelete: onRead,
    beforeDeleteMany: onRead,
    beforeCreate: onWrite,
    beforeUpdate: onWrite,
    beforeUpdateMany: onWrite,
  });
};

const usersTable = (strapi: Core.Strapi) => {
  const meta = strapi.db.metadata.get(STRAPI_UID.user);
  const attribute = meta.attributes.resetPasswordToken as { columnName?: string } | undefined;
  return { table: meta.tableName, column: attribute?.columnName ?? 'reset_password_token' };
};

/** What names a reset email after its code without holding any of it: the start of the code's hash. */
export const resetCodeTag = (stored: string) => stored.slice(PREFIX.length, PREFIX.length + 16);

export interface StoredResetCode {
  id: number;
  documentId: string;
  stored: string;
}

/**
 * Every account's stored reset code, read straight from the table: through the query engine the
 * lifecycle above would hash the filter.
 */
export const storedResetCodes = async (strapi: Core.Strapi): Promise<StoredResetCode[]> => {
  const { table, column } = usersTable(strapi);
  const rows: { id: number; document_id: unknown; code: unknown }[] = await strapi.db
    .connection(table)
    .select('id', 'document_id', `${column} as code`)
    .whereNotNull(column);
  return rows.map((row) => ({ id: row.id, documentId: text(row.document_id), stored: text(row.code) })).filter((row) => row.stored);
};

/** Ends exactly this stored code, not one issued since it was read. */
export const clearResetCode = async (strapi: Core.Strapi, code: StoredResetCode): Promise<boolean> => {
  const { table, column } = usersTable(strapi);
  const changed = await strapi.db.connection(table).where({ id: code.id, [column]: code.stored }).update({ [column]: null });
  return Number(changed) > 0;
};

/**
 * Codes stored in the clear before this rule (or written past the query engine) are hashed once
 * at start; they keep working, since what the link carries hashes to the same value. The reset
 * email that carried such a code is renamed after the hash, as the expiry looks for it.
 */
export const hashStoredResetCodes = async (strapi: Core.Strapi): Promise<number> => {
  const { table, column } = usersTable(strapi);
  let hashed = 0;
  for (const code of await storedResetCodes(strapi)) {
    if (isHashed(code.stored)) continue;
    const stored = hashedResetCode(code.stored);
    await strapi.db.connection(table).where({ id: code.id, [column]: code.stored }).update({ [column]: stored });
    const email = await records(strapi, UID.outboundEmail).findOne({
      select: ['id'],
      where: { kind: 'password_reset', dedupeKey: `password_reset:${code.documentId}:${code.stored.slice(0, 16)}` },
    });
    if (email) await records(strapi, UID.outboundEmail).update({ where: { id: email.id }, data: { dedupeKey: `password_reset:${code.documentId}:${resetCodeTag(stored)}` } });
    hashed += 1;
  }
  return hashed;
};
