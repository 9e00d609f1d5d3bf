import type { Core } from '@strapi/strapi';

import { sendContractRequest, type ContractVerification } from '../../../shared/contracts/signing';
import { parseBody } from '../validation/parse';
import { SIGNING_BODY } from '../validation/signing';
import { chainEvent } from '../signing/chain';
import type { SignerContext } from '../signing/signer-context';
import { completedFileOf, sendContractForSignature, staffSigningView } from '../signing/staff';
import { attachContractFile } from '../signing/upload';
import { verifyContract } from '../signing/verify';

/** Contract signing for code outside the plugin (the app's scripts; the demo chains its trail here). */
const signing = ({ strapi }: { strapi: Core.Strapi }) => ({
  chainEvent,

  /** Recomputes the contract's chain and hashes its PDFs again; says what, if anything, does not match. */
  verify: (contractDocumentId: string): Promise<ContractVerification> => verifyContract(strapi, { documentId: contractDocumentId }),

  view: (contractDocumentId: string) => staffSigningView(strapi, contractDocumentId),

  /** Gives a contract recorded without a PDF its PDF, checked and stored privately as an upload is. */
  attachFile: (contractDocumentId: string, file: { fileName: string; bytes: Buffer }) => attachContractFile(strapi, contractDocumentId, file),

  /** `body` as the admin API takes it (`SendContractRequest`), checked the same way. */
  send: (contractDocumentId: string, body: unknown, context: SignerContext & { staffEmail: string | null }) =>
    sendContractForSignature(strapi, contractDocumentId, parseBody(sendContractRequest, body, SIGNING_BODY), context),

  /** Storage key and name of the completed PDF, or a 404 before the contract is completed. */
  completedFile: (where: Record<string, unknown>) => completedFileOf(strapi, where),
});

export default signing;
