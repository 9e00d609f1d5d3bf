import { getFetchClient } from '@strapi/strapi/admin';

import type {
  AdminSigningView,
  ContractVerification,
  GetAdminSigningResponse,
  GetContractVerificationResponse,
  SendContractRequest,
  SendContractResponse,
} from '../../../../shared/contracts/signing';
import { send } from '../../api/client';
import { PLUGIN_ID } from '../../pluginId';

const contractPath = (documentId: string) => `/${PLUGIN_ID}/contracts/${encodeURIComponent(documentId)}`;

/** Signing a contract from the firm's side: its signing view, sending it, the completed PDF and the trail check. */
export const contractSigningApi = {
  async getSigning(documentId: string): Promise<AdminSigningView> {
    const { get } = getFetchClient();
    return (await send(get<GetAdminSigningResponse>(`${contractPath(documentId)}/signing`))).data;
  },

  async sendForSignature(documentId: string, request: SendContractRequest): Promise<AdminSigningView> {
    const { post } = getFetchClient();
    return (await send(post<SendContractResponse, SendContractRequest>(`${contractPath(documentId)}/send`, request))).data;
  },

  /** The completed PDF as a file, fetched with the staff member's token (a plain link has none). */
  async downloadSignedFile(documentId: string): Promise<Blob> {
    const { get } = getFetchClient();
    return send(get<Blob>(`${contractPath(documentId)}/signed-file`, { responseType: 'blob' }));
  },

  async verify(documentId: string): Promise<ContractVerification> {
    const { get } = getFetchClient();
    return (await send(get<GetContractVerificationResponse>(`${contractPath(documentId)}/verification`))).data;
  },
};

export type ContractSigningApi = typeof contractSigningApi;
