import { getFetchClient, isFetchError } from '@strapi/strapi/admin';

import type {
  AttentionOverview,
  BrandingSettings,
  ClientOverview,
  ClientState,
  GetBrandingSettingsResponse,
  GetClientOverviewResponse,
  GetOverviewResponse,
  GetPortalPreviewResponse,
  GetThreadResponse,
  InviteContactRequest,
  InviteContactResponse,
  ListClientsResponse,
  ListThreadsResponse,
  PortalPreview,
  ReplyRequest,
  ReplyResponse,
  SetThreadStateRequest,
  ThreadMessage,
  UpdateBrandingSettingsRequest,
} from '../../../shared/contracts/admin';
import type {
  AdminSignInSettings,
  ClientSignInSecurity,
  GetClientSignInResponse,
  GetSignInSettingsResponse,
  ResetTwoFactorResponse,
  UpdateClientSignInRequest,
  UpdateSignInSettingsRequest,
} from '../../../shared/contracts/admin-sign-in';
import { PLUGIN_ID } from '../pluginId';
import { ApiFailure } from './failure';

export interface ClientListQuery {
  page: number;
  pageSize: number;
  q?: string;
  state?: ClientState;
}

export interface ThreadListQuery {
  page: number;
  pageSize: number;
  state: 'open' | 'closed';
}

export type ThreadWithMessages = GetThreadResponse['data'];
export type InvitationIssued = InviteContactResponse['data'];
export type TwoFactorReset = ResetTwoFactorResponse['data'];

const BASE = `/${PLUGIN_ID}`;

const segment = (documentId: string) => encodeURIComponent(documentId);

/**
 * The fetch client stringifies params without encoding them, so a search for "Smith & Co"
 * would split the query; the query string is built here instead.
 */
const queryString = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  return search.toString();
};

/** The server's own words for a refusal (e.g. "attach the contract PDF first") reach the page as they are. */
const toFailure = (error: unknown): ApiFailure => {
  if (isFetchError(error)) {
    const apiMessage = error.response?.data?.error?.message;
    return new ApiFailure(apiMessage || error.message, error.status ?? null);
  }
  return new ApiFailure(error instanceof Error ? error.message : String(error), null);
};

export const send = async <T>(request: Promise<{ data: T }>): Promise<T> => {
  try {
    const { data } = await request;
    return data;
  } catch (error) {
    throw toFailure(error);
  }
};

/** The admin panel's only door to the plugin's admin API. */
export const clientiaApi = {
  async getAttentionOverview(): Promise<AttentionOverview> {
    const { get } = getFetchClient();
    return (await send(get<GetOverviewResponse>(`${BASE}/overview`))).data;
  },

  async listClients(query: ClientListQuery): Promise<ListClientsResponse> {
    const { get } = getFetchClient();
    return send(get<ListClientsResponse>(`${BASE}/clients`, { params: queryString({ ...query }) }));
  },

  async getClientOverview(documentId: string): Promise<ClientOverview> {
    const { get } = getFetchClient();
    return (await send(get<GetClientOverviewResponse>(`${BASE}/clients/${segment(documentId)}`))).data;
  },

  async inviteContact(clientDocumentId: string, invitation: InviteContactRequest): Promise<InvitationIssued> {
    const { post } = getFetchClient();
    const response = await send(
      post<InviteContactResponse, InviteContactRequest>(`${BASE}/clients/${segment(clientDocumentId)}/invitations`, invitation)
    );
    return response.data;
  },

  async getPortalPreview(clientDocumentId: string): Promise<PortalPreview> {
    const { get } = getFetchClient();
    return (await send(get<GetPortalPreviewResponse>(`${BASE}/clients/${segment(clientDocumentId)}/preview`))).data;
  },

  async listThreads(query: ThreadListQuery): Promise<ListThreadsResponse> {
    const { get } = getFetchClient();
    return send(get<ListThreadsResponse>(`${BASE}/threads`, { params: queryString({ ...query }) }));
  },

  async getThread(documentId: string): Promise<ThreadWithMessages> {
    const { get } = getFetchClient();
    return (await send(get<GetThreadResponse>(`${BASE}/threads/${segment(documentId)}`))).data;
  },

  async replyToThread(documentId: string, reply: ReplyRequest): Promise<ThreadMessage> {
    const { post } = getFetchClient();
    return (await send(post<ReplyResponse, ReplyRequest>(`${BASE}/threads/${segment(documentId)}/messages`, reply))).data;
  },

  async setThreadState(documentId: string, state: SetThreadStateRequest['state']): Promise<void> {
    const { put } = getFetchClient();
    await send(put<unknown, SetThreadStateRequest>(`${BASE}/threads/${segment(documentId)}/state`, { state }));
  },

  /** A message attachment as a file, fetched with the staff member's token (a plain link has none). */
  async downloadAttachment(url: string): Promise<Blob> {
    const { get } = getFetchClient();
    return send(get<Blob>(url, { responseType: 'blob' }));
  },

  async getBrandingSettings(): Promise<BrandingSettings> {
    const { get } = getFetchClient();
    return (await send(get<GetBrandingSettingsResponse>(`${BASE}/branding`))).data;
  },

  async updateBrandingSettings(changes: UpdateBrandingSettingsRequest): Promise<BrandingSettings> {
    const { put } = getFetchClient();
    const response = await send(
      put<GetBrandingSettingsResponse, UpdateBrandingSettingsRequest>(`${BASE}/branding`, changes)
    );
    return response.data;
  },

  async getSignInSettings(): Promise<AdminSignInSettings> {
    const { get } = getFetchClient();
    return (await send(get<GetSignInSettingsResponse>(`${BASE}/settings/sign-in`))).data;
  },

  async updateSignInSettings(changes: UpdateSignInSettingsRequest): Promise<AdminSignInSettings> {
    const { put } = getFetchClient();
    return (await send(put<GetSignInSettingsResponse, UpdateSignInSettingsRequest>(`${BASE}/settings/sign-in`, changes))).data;
  },

  async getClientSignIn(clientDocumentId: string): Promise<ClientSignInSecurity> {
    const { get } = getFetchClient();
    return (await send(get<GetClientSignInResponse>(`${BASE}/clients/${segment(clientDocumentId)}/sign-in`))).data;
  },

  async setClientRequiresTwoFactor(clientDocumentId: string, requireTwoFactor: boolean): Promise<ClientSignInSecurity> {
    const { put } = getFetchClient();
    const response = await send(
      put<GetClientSignInResponse, UpdateClientSignInRequest>(`${BASE}/clients/${segment(clientDocumentId)}/sign-in`, { requireTwoFactor })
    );
    return response.data;
  },

  async resetTwoFactor(clientDocumentId: string, membershipId: string): Promise<TwoFactorReset> {
    const { post } = getFetchClient();
    const path = `${BASE}/clients/${segment(clientDocumentId)}/contacts/${segment(membershipId)}/two-factor/reset`;
    return (await send(post<ResetTwoFactorResponse>(path, {}))).data;
  },
};

export type ClientiaApi = typeof clientiaApi;
