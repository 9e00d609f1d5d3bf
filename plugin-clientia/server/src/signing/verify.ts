import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { ContractVerification, VerificationFinding, VerificationTrailEvent } from '../../../shared/contracts/signing';
import { UID } from '../constants';
import { textOrNull } from '../repositories/rows';
import { records } from '../repositories/records';
import { sha256Hex, verifyChain, type ChainedEvent } from './chain';
import { readCompletedDocument, readContractDocument } from './document';
import { loadSigningState } from './state';
import { withContractLock } from './trail';

export const trailEntry = (event: ChainedEvent): VerificationTrailEvent => ({
  type: event.type,
  occurredAt: event.occurredAt,
  actor: event.typedName ?? event.email ?? null,
  hash: event.hash,
});

/**
 * Checks a contract's signing record from what is stored, trusting none of the recorded hashes:
 * the chain is recomputed event by event, the contract's PDF and the completed PDF are hashed
 * again from their bytes, and every difference is named.
 */
export const verifyContract = async (strapi: Core.Strapi, where: Record<string, unknown>): Promise<ContractVerification> => {
  const found = await records(strapi, UID.contract).findOne({ select: ['id'], where });
  if (!found) throw new errors.NotFoundError('No contract with this id');
  // Read under the contract's lock: an event appended between reading the contract and reading
  // its trail (a delivery receipt, say) would otherwise look like a trail cut short.
  return withContractLock(strapi, Number(found.id), () => verifyLocked(strapi, where), { shared: true });
};

const verifyLocked = async (strapi: Core.Strapi, where: Record<string, unknown>): Promise<ContractVerification> => {
  const state = await loadSigningState(strapi, where);
  if (!state) throw new errors.NotFoundError('No contract with this id');
  const { contract } = state;
  const findings: VerificationFinding[] = [];

  const recordedDocument = textOrNull(contract.documentHash);
  const document = await readContractDocument(strapi, contract.id);
  if (recordedDocument && !document) {
    findings.push({ kind: 'file-missing', index: null, message: 'the contract has no readable PDF any more, so its SHA-256 cannot be checked' });
  } else if (recordedDocument && document && document.sha256 !== recordedDocument) {
    findings.push({
      kind: 'file-changed',
      index: null,
      message: `the contract's PDF now has the SHA-256 ${document.sha256}, not the ${recordedDocument} recorded when it was sent`,
    });
  }

  const completedKey = textOrNull(contract.completedFileKey);
  const recordedCompleted = textOrNull(contract.completedFileHash);
  let completedActual: string | null = null;
  if (recordedCompleted) {
    const bytes = completedKey ? await readCompletedDocument(strapi, completedKey) : null;
    completedActual = bytes ? sha256Hex(bytes) : null;
    if (!bytes) findings.push({ kind: 'file-missing', index: null, message: 'the completed PDF is missing from storage' });
    else if (completedActual !== recordedCompleted) {
      findings.push({
        kind: 'file-changed',
        index: null,
        message: `the completed PDF now has the SHA-256 ${completedActual}, not the ${recordedCompleted} recorded when it was produced`,
      });
    }
  }

  const documentSha256 = document?.sha256 ?? recordedDocument;
  const chain = verifyChain(state.trail, {
    contract: contract.documentId,
    expectedHead: textOrNull(contract.trailHead) ?? textOrNull(contract.completedHash),
    // Events are checked against the bytes as they are now, so a changed PDF shows on every event.
    ...(documentSha256 ? { document: { version: state.version, sha256: documentSha256 } } : {}),
    ...(completedActual ? { completedDocument: completedActual } : {}),
  });
  const completedHash = textOrNull(contract.completedHash);
  const cutOff = chain.findings.some((finding) => finding.kind === 'truncated');
  if (completedHash && !cutOff && !state.trail.some((event) => event.type === 'completed' && event.hash === completedHash)) {
    findings.push({ kind: 'truncated', index: null, message: `the completed event ${completedHash} recorded on the contract is not in the trail` });
  }
  const all = [...chain.findings, ...findings];
  return {
    valid: all.length === 0,
    checkedAt: new Date().toISOString(),
    contract: { documentId: contract.documentId, number: textOrNull(contract.number), version: state.version },
    events: chain.events,
    head: chain.head,
    verificationCode: textOrNull(contract.verificationCode),
    document: { recorded: recordedDocument, actual: document?.sha256 ?? null },
    completedDocument: recordedCompleted ? { recorded: recordedCompleted, actual: completedActual } : null,
    findings: all,
    trail: state.trail.map(trailEntry),
  };
};

