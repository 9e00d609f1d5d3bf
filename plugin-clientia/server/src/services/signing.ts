import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { ContractVerification } from '../../../shared/contracts/signing';
import { UID } from '../rules/helpers';
import { chainEvent } from '../signing/chain';
import { loadSigningState } from '../signing/state';
import { verifyContract } from '../signing/verify';
import { adminSigningView } from '../signing/views';
import { sendForSignature, NO_CONTRACT } from '../signing/workflow';
import type { SignerContext } from '../signing/signer-context';
import { records } from './records';

/** The contract's signing for staff and for the server's own jobs (the demo chains its trail here). */
const signing = ({ strapi }: { strapi: Core.Strapi }) => ({
  chainEvent,


  /** Recomputes the contract's chain and hashes its PDFs again; says what, if anything, does not match. */
  verify: (contractDocumentId: string): Promise<ContractVerification> => verifyContract(strapi, { documentId: contractDocumentId }),

  async view(contractDocumentId: string) {
    const state = await loadSigningState(strapi, { documentId: contractDocumentId });
    if (!state) throw new errors.NotFoundError(NO_CONTRACT);
    return adminSigningView(strapi, state);
  },

  async send(contractDocumentId: string, body: unknown, context: SignerContext & { staffEmail: string | null }) {
    return adminSigningView(strapi, await sendForSignature(strapi, contractDocumentId, body, context));
  },

  /** Storage key and name of the completed PDF, or a 404 before the contract is completed. */
  async completedFile(where: Record<string, unknown>) {
    const row = await records(strapi, UID.contract).findOne({ select: ['id', 'number', 'completedFileKey'], where });
    if (!row?.completedFileKey) throw new errors.NotFoundError('This contract has no signed document yet');
    return { storageKey: String(row.completedFileKey), number: typeof row.number === 'string' ? row.number : null };
  },
});

export default signing;
