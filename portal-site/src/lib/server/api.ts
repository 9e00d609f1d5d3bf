/**
 * The portal API as the signed-in contact calls it: every call carries the contact's own token and
 * active client, so Strapi checks access again on each one.
 */
import type { ListActivityResponse } from '@clientia/shared/contracts/portal-activity';
import type {
  GetPortalInvoiceResponse,
  ListPortalInvoicesResponse,
  ListPortalPaymentsResponse,
  ListPortalRetainersResponse,
  GetPortalStatementResponse,
} from '@clientia/shared/contracts/portal-billing';
import type { GetPortalContractResponse, ListPortalContractsResponse } from '@clientia/shared/contracts/portal-contracts';
import type { GetDashboardResponse } from '@clientia/shared/contracts/portal-dashboard';
import type { DocumentResponse, ListDocumentsResponse } from '@clientia/shared/contracts/portal-documents';
import type {
  GetPreferencesResponse,
  UpdatePreferencesRequest,
} from '@clientia/shared/contracts/portal-preferences';
import type { GetProjectResponse, ListProjectsResponse } from '@clientia/shared/contracts/portal-projects';
import type { AssignSeatRequest, ListLicencesResponse, ListSeatsResponse, SeatResponse } from '@clientia/shared/contracts/portal-seats';
import type {
  GetThreadResponse,
  ListThreadsResponse,
  MarkThreadReadResponse,
  PostMessageResponse,
  StartThreadResponse,
} from '@clientia/shared/contracts/portal-threads';
import type { GetMeResponse, UpdateMeRequest } from '@clientia/shared/contracts/portal';
import type {
  DisableTwoFactorRequest,
  PasskeyCeremony,
  PasskeyRegistrationRequest,
  PasskeyRenameRequest,
  PasskeySummary,
  PasswordChangeRequest,
  RecoveryCodes,
  SecondFactorProof,
  SecurityOverview,
  SignedIn,
  SignInSessionSummary,
  TotpCodeRequest,
  TotpEnrolment,
} from '@clientia/shared/contracts/sign-in';
import type {
  DeclineContractRequest,
  GetContractVerificationResponse,
  GetPortalSigningResponse,
  SignContractRequest,
  SignContractResponse,
  SigningLocale,
} from '@clientia/shared/contracts/signing';
import type { SignerHeaders } from './signing';
import { strapiClient, type CallOptions, type QueryValue } from './strapi';

type ListQuery = Record<string, QueryValue>;

const BASE = '/api/clientia';
/** Uploads go through at the speed of the client's connection, not of a page's data calls. */
const UPLOAD_TIMEOUT_MS = 120_000;

const segment = (id: string) => encodeURIComponent(id);

export const portalApi = (jwt: string, client: string | null) => {
  const strapi = strapiClient();
  const call = <T>(path: string, options: Omit<CallOptions, 'jwt' | 'client'> = {}) =>
    strapi.call<T>(`${BASE}${path}`, { ...options, jwt, client });
  const download = (path: string, query?: Record<string, string>) =>
    strapi.download(`${BASE}${path}${query ? `?${new URLSearchParams(query)}` : ''}`, { jwt, client });

  return {
    me: () => call<GetMeResponse>('/me'),
    updateProfile: (name: string) => call<GetMeResponse>('/me', { method: 'PUT', json: { name } satisfies UpdateMeRequest }),
    dashboard: () => call<GetDashboardResponse>('/dashboard'),

    contracts: (query: ListQuery = {}) => call<ListPortalContractsResponse>('/contracts', { query }),
    contract: (id: string) => call<GetPortalContractResponse>(`/contracts/${segment(id)}`),
    contractFile: (id: string) => download(`/contracts/${segment(id)}/file`),
    // The signing calls carry the signer's context: Strapi records it in the contract's trail.
    signingView: (id: string, locale: SigningLocale, signer: SignerHeaders) =>
      call<GetPortalSigningResponse>(`/contracts/${segment(id)}/signing`, { query: { locale }, headers: signer }),
    signContract: (id: string, body: SignContractRequest, signer: SignerHeaders) =>
      call<SignContractResponse>(`/contracts/${segment(id)}/sign`, { method: 'POST', json: body, headers: signer }),
    declineContract: (id: string, body: DeclineContractRequest, signer: SignerHeaders) =>
      call<GetPortalSigningResponse>(`/contracts/${segment(id)}/decline`, { method: 'POST', json: body, headers: signer }),
    signedContractFile: (id: string) => download(`/contracts/${segment(id)}/signed-file`),
    contractVerification: (id: string) => call<GetContractVerificationResponse>(`/contracts/${segment(id)}/verification`),

    invoices: (query: ListQuery = {}) => call<ListPortalInvoicesResponse>('/invoices', { query }),
    invoice: (id: string) => call<GetPortalInvoiceResponse>(`/invoices/${segment(id)}`),
    invoicePdf: (id: string) => download(`/invoices/${segment(id)}/pdf`),
    payments: (query: ListQuery = {}) => call<ListPortalPaymentsResponse>('/payments', { query }),
    retainers: (query: ListQuery = {}) => call<ListPortalRetainersResponse>('/retainers', { query }),
    statement: (currency?: string) => call<GetPortalStatementResponse>('/statement', { query: currency ? { currency } : {} }),
    statementPdf: (currency?: string) => download('/statement/pdf', currency ? { currency } : undefined),

    licences: (query: ListQuery = {}) => call<ListLicencesResponse>('/licences', { query }),
    seats: (query: ListQuery = {}) => call<ListSeatsResponse>('/seats', { query }),
    assignSeat: (id: string, body: AssignSeatRequest) => call<SeatResponse>(`/seats/${segment(id)}`, { method: 'PUT', json: body }),
    freeSeat: (id: string) => call<SeatResponse>(`/seats/${segment(id)}/assignee`, { method: 'DELETE' }),

    documents: (query: ListQuery = {}) => call<ListDocumentsResponse>('/documents', { query }),
    documentFile: (id: string) => download(`/documents/${segment(id)}/download`),
    uploadDocument: (form: FormData) => call<DocumentResponse>('/documents', { method: 'POST', form, timeoutMs: UPLOAD_TIMEOUT_MS }),

    projects: (query: ListQuery = {}) => call<ListProjectsResponse>('/projects', { query }),
    project: (id: string) => call<GetProjectResponse>(`/projects/${segment(id)}`),

    threads: (query: ListQuery = {}) => call<ListThreadsResponse>('/threads', { query }),
    thread: (id: string) => call<GetThreadResponse>(`/threads/${segment(id)}`),
    startThread: (form: FormData) => call<StartThreadResponse>('/threads', { method: 'POST', form, timeoutMs: UPLOAD_TIMEOUT_MS }),
    reply: (id: string, form: FormData) =>
      call<PostMessageResponse>(`/threads/${segment(id)}/messages`, { method: 'POST', form, timeoutMs: UPLOAD_TIMEOUT_MS }),
    markRead: (id: string) => call<MarkThreadReadResponse>(`/threads/${segment(id)}/read`, { method: 'POST', json: {} }),
    attachment: (id: string, messageId: string, key: string) =>
      download(`/threads/${segment(id)}/attachments/${segment(messageId)}/${segment(key)}`),

    activity: (query: ListQuery = {}) => call<ListActivityResponse>('/activity', { query }),

    preferences: () => call<GetPreferencesResponse>('/preferences'),
    updatePreferences: (body: UpdatePreferencesRequest) => call<GetPreferencesResponse>('/preferences', { method: 'PUT', json: body }),

    // Sign-in security: the contact's own two-factor settings, passkeys, sign-in sessions and password.
    security: () => call<{ data: SecurityOverview }>('/security'),
    startTwoFactor: () => call<{ data: TotpEnrolment }>('/security/two-factor', { method: 'POST', json: {} }),
    confirmTwoFactor: (code: string) => call<{ data: RecoveryCodes }>('/security/two-factor/confirm', { method: 'POST', json: { code } satisfies TotpCodeRequest }),
    disableTwoFactor: (proof: SecondFactorProof) => call<unknown>('/security/two-factor/disable', { method: 'POST', json: proof satisfies DisableTwoFactorRequest }),
    renewRecoveryCodes: (proof: SecondFactorProof) => call<{ data: RecoveryCodes }>('/security/recovery-codes', { method: 'POST', json: proof }),
    // Passkey ceremonies carry the browser's context too: the passkey belongs to the portal's host name.
    passkeyRegistrationOptions: (browser: Record<string, string>) =>
      call<{ data: PasskeyCeremony }>('/security/passkeys/options', { method: 'POST', json: {}, headers: browser }),
    addPasskey: (body: { [K in keyof PasskeyRegistrationRequest]: unknown } & { name: string }, browser: Record<string, string>) =>
      call<{ data: PasskeySummary }>('/security/passkeys', { method: 'POST', json: body, headers: browser }),
    renamePasskey: (id: string, name: string) => call<unknown>(`/security/passkeys/${segment(id)}`, { method: 'PUT', json: { name } satisfies PasskeyRenameRequest }),
    removePasskey: (id: string) => call<unknown>(`/security/passkeys/${segment(id)}`, { method: 'DELETE' }),
    signInSessions: () => call<{ data: SignInSessionSummary[] }>('/sessions'),
    endSignInSession: (id: string) => call<unknown>(`/sessions/${segment(id)}`, { method: 'DELETE' }),
    endOtherSignInSessions: () => call<{ data: { ended: number } }>('/sessions/end-others', { method: 'POST', json: {} }),
    endAllSignInSessions: () => call<{ data: { ended: number } }>('/sessions/end-all', { method: 'POST', json: {} }),
    // Opens a new sign-in session in the API: it records the browser, as a sign-in does.
    changePassword: (currentPassword: string, password: string, browser: Record<string, string>) =>
      call<{ data: SignedIn }>('/password', { method: 'PUT', json: { currentPassword, password } satisfies PasswordChangeRequest, headers: browser }),
  };
};

export type PortalApi = ReturnType<typeof portalApi>;
