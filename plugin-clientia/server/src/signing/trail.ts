import type { Core } from '@strapi/strapi';

import { asSystem } from '../audit/actor';
import { UID } from '../constants';
import { relation, textOrNull, type Row } from '../repositories/rows';
import { documents, records } from '../repositories/records';
import { chainEvent, type ChainedEvent, type SignatureEventFields } from './chain';

const documentIdOf = (row: Row, key: string) => textOrNull(relation(row, key)?.documentId);

/** A stored signature event as the chain hashes it. */
const asChained = (row: Row): ChainedEvent => ({
  contract: documentIdOf(row, 'contract') ?? '',
  client: documentIdOf(row, 'client') ?? '',
  type: row.type as SignatureEventFields['type'],
  contractVersion: Number(row.contractVersion),
  documentHash: textOrNull(row.documentHash),
  user: documentIdOf(row, 'user'),
  email: textOrNull(row.email),
  typedName: textOrNull(row.typedName),
  consentText: textOrNull(row.consentText),
  consentVersion: textOrNull(row.consentVersion),
  occurredAt: row.occurredAt instanceof Date ? row.occurredAt.toISOString() : String(row.occurredAt),
  ip: textOrNull(row.ip),
  userAgent: textOrNull(row.userAgent),
  sessionHash: textOrNull(row.sessionHash),
  authMethod: textOrNull(row.authMethod),
  reason: textOrNull(row.reason),
  previousHash: textOrNull(row.previousHash),
  hash: String(row.hash ?? ''),
});

/** Every event of the contract, oldest first (insertion order breaks ties of the same instant). */
export const trailOf = async (strapi: Core.Strapi, contractId: number): Promise<ChainedEvent[]> => {
  const rows = await records(strapi, UID.signatureEvent).findMany({
    where: { contract: { id: contractId } },
    orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    populate: { contract: { select: ['documentId'] }, client: { select: ['documentId'] }, user: { select: ['documentId'] } },
  });
  return rows.map(asChained);
};

/**
 * Runs `work` holding the contract's row lock, inside one transaction: two signers, or a signer
 * and staff, never read the same trail head or signing state and both act on it. SQLite has one
 * writer at a time anyway; PostgreSQL and MySQL lock the row. `shared` is for readers of the whole
 * record: they wait for a writer's commit and hold writers off until they are done, so the trail
 * they read ends where the contract's recorded head says it does.
 */
export const withContractLock = async <T>(strapi: Core.Strapi, contractId: number, work: () => Promise<T>, { shared = false } = {}): Promise<T> => {
  const result = await strapi.db.transaction(async ({ trx }) => {
    if (strapi.db.dialect.client !== 'sqlite') {
      const table = strapi.db.metadata.get(UID.contract as never).tableName;
      const row = trx(table).where({ id: contractId });
      await (shared ? row.forShare() : row.forUpdate()).select('id');
    }
    return work();
  });
  return result as T;
};

/**
 * Appends one event to the contract's chain and moves the contract's trail head to it. Call it
 * inside `withContractLock`, so the head read here is still the head when the event is written.
 */
export const appendEvent = async (
  strapi: Core.Strapi,
  contract: { id: number; documentId: string },
  fields: Omit<SignatureEventFields, 'contract'>
): Promise<ChainedEvent> => {
  const last = await records(strapi, UID.signatureEvent).findMany({
    where: { contract: { id: contract.id } },
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    limit: 1,
    populate: { contract: { select: ['documentId'] }, client: { select: ['documentId'] }, user: { select: ['documentId'] } },
  });
  // An event is never dated before the one it follows, so the trail's order is its chain's order.
  const previous = last.length ? asChained(last[0]!) : null;
  const occurredAt = previous && new Date(fields.occurredAt) < new Date(previous.occurredAt) ? previous.occurredAt : fields.occurredAt;
  const event = chainEvent(previous ? [previous] : [], { ...fields, occurredAt, contract: contract.documentId });
  await asSystem(async () => {
    await documents(strapi, UID.signatureEvent).create({ data: { ...event } });
    await records(strapi, UID.contract).update({ where: { id: contract.id }, data: { trailHead: event.hash } });
  });
  return event;
};
