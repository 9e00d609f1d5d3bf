import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { z } from 'zod';

import type { cancelSigningRequest, remindSignatoryRequest } from '../../../shared/contracts/admin-contracts';
import type { AdminSigningView, sendContractRequest } from '../../../shared/contracts/signing';
import { UID } from '../constants';
import { records } from '../repositories/records';
import type { SignerContext } from './signer-context';
import { loadSigningState } from './state';
import { cancelSigning, remindSignatory } from './requests';
import type { ReceivedFile } from '../storage/received-files';
import { uploadContractFile } from './upload';
import { adminSigningView } from './views';
import { NO_CONTRACT, sendForSignature } from './workflow';

/** The contract's signing as staff see it: signatories, candidates, the completed document and the trail. */
export const staffSigningView = async (strapi: Core.Strapi, contractDocumentId: string): Promise<AdminSigningView> => {
  const state = await loadSigningState(strapi, { documentId: contractDocumentId });
  if (!state) throw new errors.NotFoundError(NO_CONTRACT);
  return adminSigningView(strapi, state);
};

/** Sends the contract to its signatories and answers with the staff view of its signing. */
export const sendContractForSignature = async (
  strapi: Core.Strapi,
  contractDocumentId: string,
  input: z.output<typeof sendContractRequest>,
  context: SignerContext & { staffEmail: string | null }
): Promise<AdminSigningView> => adminSigningView(strapi, await sendForSignature(strapi, contractDocumentId, input, context));

/** Uploads the PDF of a draft into private storage and answers with the staff view of its signing. */
export const uploadContractPdf = async (strapi: Core.Strapi, contractDocumentId: string, file: ReceivedFile): Promise<AdminSigningView> => {
  await uploadContractFile(strapi, contractDocumentId, file);
  return staffSigningView(strapi, contractDocumentId);
};

/** E-mails a signatory whose turn it is again. */
export const remindContractSignatory = async (
  strapi: Core.Strapi,
  contractDocumentId: string,
  input: z.output<typeof remindSignatoryRequest>
): Promise<AdminSigningView> => adminSigningView(strapi, await remindSignatory(strapi, contractDocumentId, input));

/** Withdraws the contract from signature; it is a draft again. */
export const cancelContractSigning = async (
  strapi: Core.Strapi,
  contractDocumentId: string,
  input: z.output<typeof cancelSigningRequest>,
  context: SignerContext & { staffEmail: string | null }
): Promise<AdminSigningView> => adminSigningView(strapi, await cancelSigning(strapi, contractDocumentId, input, context));

/** Storage key and name of the completed PDF, or a 404 before the contract is completed. */
export const completedFileOf = async (strapi: Core.Strapi, where: Record<string, unknown>) => {
  const row = await records(strapi, UID.contract).findOne({ select: ['id', 'number', 'completedFileKey'], where });
  if (!row?.completedFileKey) throw new errors.NotFoundError('This contract has no signed document yet');
  return { storageKey: String(row.completedFileKey), number: typeof row.number === 'string' ? row.number : null };
};
