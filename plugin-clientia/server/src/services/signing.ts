import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { UID } from '../rules/helpers';
import { relation, type Row } from '../serializers/values';
import { chainEvent, verifyChain, type ChainVerification, type ChainedEvent, type SignatureEventFields } from '../signing/chain';
import { records } from './records';

const textOrNull = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
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

export interface ContractVerification extends ChainVerification {
  contract: { documentId: string; number: string | null; version: number };
}

/** The contract's signing trail: written as a hash chain, and checked by recomputing it. */
const signing = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Every event of the contract, oldest first (insertion order breaks ties of the same instant). */
  const trail = async (contractId: number): Promise<ChainedEvent[]> => {
    const rows = await records(strapi, UID.signatureEvent).findMany({
      where: { contract: { id: contractId } },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
      populate: { contract: { select: ['documentId'] }, client: { select: ['documentId'] }, user: { select: ['documentId'] } },
    });
    return rows.map(asChained);
  };

  return {
  chainEvent,
  trail,

  /**
   * Recomputes the contract's chain, checks that it still ends at the hash kept when signing was
   * completed, and that its events name the document hash the contract records.
   */
  async verify(contractDocumentId: string): Promise<ContractVerification> {
    const contract = await records(strapi, UID.contract).findOne({
      select: ['id', 'documentId', 'number', 'version', 'documentHash', 'completedHash'],
      where: { documentId: contractDocumentId },
    });
    if (!contract) throw new errors.NotFoundError('No contract has this documentId');
    const version = Number(contract.version ?? 1);
    const documentHash = textOrNull(contract.documentHash);
    const result = verifyChain(await trail(Number(contract.id)), {
      contract: contractDocumentId,
      expectedHead: textOrNull(contract.completedHash),
      ...(documentHash ? { document: { version, sha256: documentHash } } : {}),
    });
    return { ...result, contract: { documentId: contractDocumentId, number: textOrNull(contract.number), version } };
  },
  };
};

export default signing;
