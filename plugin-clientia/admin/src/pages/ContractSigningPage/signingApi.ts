import { getFetchClient } from '@strapi/strapi/admin';

import type {
  AdminSigningView,
  ContractVerification,
  GetAdminSigningResponse,
  GetContractVerificationResponse,
  SendContractRequest,
  SendContractResponse,
} from '../../../../shared/contracts/signing';
import type { AmendContractRequest, CancelSigningRequest, RemindSignatoryRequest } from '../../../../shared/contracts/admin-contracts';
import { CONTRACT_FILE_FIELD } from '../../../../shared/contracts/admin-contracts';
import { send } from '../../api/client';
import { sendForm } from '../../api/fieldFailure';
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

  /** The draft's PDF, into the plugin's private storage. */
  async uploadFile(documentId: string, file: File): Promise<AdminSigningView> {
    const { post } = getFetchClient();
    const form = new FormData();
    form.append(CONTRACT_FILE_FIELD, file, file.name);
    return (await sendForm(post<GetAdminSigningResponse, FormData>(`${contractPath(documentId)}/file`, form))).data;
  },

  async remind(documentId: string, request: RemindSignatoryRequest): Promise<AdminSigningView> {
    const { post } = getFetchClient();
    return (await send(post<GetAdminSigningResponse, RemindSignatoryRequest>(`${contractPath(documentId)}/reminders`, request))).data;
  },

  async cancel(documentId: string, request: CancelSigningRequest): Promise<AdminSigningView> {
    const { post } = getFetchClient();
    return (await sendForm(post<GetAdminSigningResponse, CancelSigningRequest>(`${contractPath(documentId)}/cancel`, request))).data;
  },

  /** A draft amendment of the signed contract; the answer is the new draft's view. */
  async amend(documentId: string, request: AmendContractRequest): Promise<AdminSigningView> {
    const { post } = getFetchClient();
    return (await sendForm(post<GetAdminSigningResponse, AmendContractRequest>(`${contractPath(documentId)}/amendments`, request))).data;
  },
};
