import { getFetchClient, isFetchError } from '@strapi/strapi/admin';

import type {
  AttentionOverview,
  BrandingSettings,
  ClientOverview,
  GetBrandingSettingsResponse,
  GetClientOverviewResponse,
  GetOverviewResponse,
  GetPortalPreviewResponse,
  GetThreadResponse,
  InviteContactRequest,
  InviteContactResponse,
  ListClientsQuery,
  ListClientsResponse,
  ListInboxThreadsQuery,
  ListThreadsResponse,
  PortalPreview,
  ReplyRequest,
  ReplyResponse,
  SetThreadStateRequest,
  SetThreadStateResponse,
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
import type {
  AssignSeatRequest,
  ClientRecordResponse,
  Contact,
  ContactResponse,
  CreateClientRequest,
  CreateLicenceRequest,
  CreateMilestoneRequest,
  CreateProjectRequest,
  LicenceResponse,
  ListStaffResponse,
  ProjectResponse,
  ReorderMilestonesRequest,
  ResendInvitationResponse,
  StaffLicence,
  StaffMember,
  StaffProject,
  UpdateClientRequest,
  UpdateContactRequest,
  UpdateLicenceRequest,
  UpdateMilestoneRequest,
  UpdateProjectRequest,
} from '../../../shared/contracts/admin-records';
import type {
  AdminRetainer,
  CreateRetainerRequest,
  CreateTimeEntryRequest,
  GetRetainerTimeResponse,
  RetainerResponse,
  RetainerTimeView,
  TimeEntry,
  TimeEntryResponse,
  UpdateRetainerRequest,
  UpdateTimeEntryRequest,
} from '../../../shared/contracts/admin-billing';
import type { CreateContractRequest, UpdateContractRequest } from '../../../shared/contracts/admin-contracts';
import type { AdminSigningView, GetAdminSigningResponse } from '../../../shared/contracts/signing';
import type {
  ArchiveDocumentRequest,
  DeleteDocumentResponse,
  ListClientDocumentsResponse,
  StaffDocument,
  StaffDocumentResponse,
  UploadStaffDocumentFields,
} from '../../../shared/contracts/admin-documents';
import type { AwaitingThreadsResponse, StartStaffThreadResponse } from '../../../shared/contracts/admin-messages';
import { UPLOAD_FILE_FIELD } from '../../../shared/contracts/portal-documents';
import { ATTACHMENTS_FIELD, type StartThreadRequest } from '../../../shared/contracts/portal-threads';
import {
  INVOICE_PDF_FIELD,
  type CreateCreditNoteRequest,
  type GetStaffInvoiceResponse,
  type RecordPaymentRequest,
  type SaveInvoiceDraftRequest,
  type SendReminderResponse,
  type StaffInvoice,
} from '../../../shared/contracts/admin-invoices';
import { PLUGIN_ID } from '../pluginId';
import { ApiFailure } from './failure';
import { sendForm } from './fieldFailure';

export type ThreadWithMessages = GetThreadResponse['data'];

/** A message with files as the admin API takes it: its text fields, and the files in `files`. */
const messageForm = (fields: Record<string, string>, files: readonly File[]) => {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const file of files) form.append(ATTACHMENTS_FIELD, file, file.name);
  return form;
};
export type InvitationIssued = InviteContactResponse['data'];
type TwoFactorReset = ResetTwoFactorResponse['data'];

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

  async listClients(query: ListClientsQuery): Promise<ListClientsResponse> {
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

  async listThreads(query: ListInboxThreadsQuery): Promise<ListThreadsResponse> {
    const { get } = getFetchClient();
    return send(get<ListThreadsResponse>(`${BASE}/threads`, { params: queryString({ ...query }) }));
  },

  async getThread(documentId: string): Promise<ThreadWithMessages> {
    const { get } = getFetchClient();
    return (await send(get<GetThreadResponse>(`${BASE}/threads/${segment(documentId)}`))).data;
  },

  /** With files, the reply goes as multipart/form-data, the files in `files`. */
  async replyToThread(documentId: string, reply: ReplyRequest, files: readonly File[] = []): Promise<ThreadMessage> {
    const { post } = getFetchClient();
    const body = files.length ? messageForm(reply, files) : reply;
    return (await send(post<ReplyResponse>(`${BASE}/threads/${segment(documentId)}/messages`, body))).data;
  },

  async setThreadState(documentId: string, state: SetThreadStateRequest['state']): Promise<void> {
    const { put } = getFetchClient();
    await send(put<SetThreadStateResponse, SetThreadStateRequest>(`${BASE}/threads/${segment(documentId)}/state`, { state }));
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

  // A client's own records, kept from the clients list and the client page.

  async createClient(client: CreateClientRequest): Promise<ClientRecord> {
    const { post } = getFetchClient();
    return (await send(post<ClientRecordResponse, CreateClientRequest>(`${BASE}/clients`, client))).data;
  },

  async updateClient(clientDocumentId: string, changes: UpdateClientRequest): Promise<ClientRecord> {
    const { put } = getFetchClient();
    return (await send(put<ClientRecordResponse, UpdateClientRequest>(`${BASE}/clients/${segment(clientDocumentId)}`, changes))).data;
  },

  async listStaff(): Promise<StaffMember[]> {
    const { get } = getFetchClient();
    return (await send(get<ListStaffResponse>(`${BASE}/staff`))).data;
  },

  async updateContact(clientDocumentId: string, membershipId: string, changes: UpdateContactRequest): Promise<Contact> {
    const { put } = getFetchClient();
    const path = `${BASE}/clients/${segment(clientDocumentId)}/contacts/${segment(membershipId)}`;
    return (await send(put<ContactResponse, UpdateContactRequest>(path, changes))).data;
  },

  async resendInvitation(clientDocumentId: string, membershipId: string): Promise<InvitationIssued> {
    const { post } = getFetchClient();
    const path = `${BASE}/clients/${segment(clientDocumentId)}/contacts/${segment(membershipId)}/invitation`;
    return (await send(post<ResendInvitationResponse>(path, {}))).data;
  },

  async getProject(clientDocumentId: string, projectId: string): Promise<StaffProject> {
    const { get } = getFetchClient();
    return (await send(get<ProjectResponse>(projectPath(clientDocumentId, projectId)))).data;
  },

  async createProject(clientDocumentId: string, project: CreateProjectRequest): Promise<StaffProject> {
    const { post } = getFetchClient();
    return (await send(post<ProjectResponse, CreateProjectRequest>(`${BASE}/clients/${segment(clientDocumentId)}/projects`, project))).data;
  },

  async updateProject(clientDocumentId: string, projectId: string, changes: UpdateProjectRequest): Promise<StaffProject> {
    const { put } = getFetchClient();
    return (await send(put<ProjectResponse, UpdateProjectRequest>(projectPath(clientDocumentId, projectId), changes))).data;
  },

  async createMilestone(clientDocumentId: string, projectId: string, milestone: CreateMilestoneRequest): Promise<StaffProject> {
    const { post } = getFetchClient();
    const path = `${projectPath(clientDocumentId, projectId)}/milestones`;
    return (await send(post<ProjectResponse, CreateMilestoneRequest>(path, milestone))).data;
  },

  async updateMilestone(clientDocumentId: string, projectId: string, milestoneId: string, changes: UpdateMilestoneRequest): Promise<StaffProject> {
    const { put } = getFetchClient();
    const path = `${projectPath(clientDocumentId, projectId)}/milestones/${segment(milestoneId)}`;
    return (await send(put<ProjectResponse, UpdateMilestoneRequest>(path, changes))).data;
  },

  async reorderMilestones(clientDocumentId: string, projectId: string, milestones: string[]): Promise<StaffProject> {
    const { put } = getFetchClient();
    const path = `${projectPath(clientDocumentId, projectId)}/milestone-order`;
    return (await send(put<ProjectResponse, ReorderMilestonesRequest>(path, { milestones }))).data;
  },

  async getLicence(clientDocumentId: string, licenceId: string): Promise<StaffLicence> {
    const { get } = getFetchClient();
    return (await send(get<LicenceResponse>(licencePath(clientDocumentId, licenceId)))).data;
  },

  async createLicence(clientDocumentId: string, licence: CreateLicenceRequest): Promise<StaffLicence> {
    const { post } = getFetchClient();
    return (await send(post<LicenceResponse, CreateLicenceRequest>(`${BASE}/clients/${segment(clientDocumentId)}/licences`, licence))).data;
  },

  async updateLicence(clientDocumentId: string, licenceId: string, changes: UpdateLicenceRequest): Promise<StaffLicence> {
    const { put } = getFetchClient();
    return (await send(put<LicenceResponse, UpdateLicenceRequest>(licencePath(clientDocumentId, licenceId), changes))).data;
  },

  async assignSeat(clientDocumentId: string, licenceId: string, assignee: AssignSeatRequest): Promise<StaffLicence> {
    const { post } = getFetchClient();
    const path = `${licencePath(clientDocumentId, licenceId)}/seats`;
    return (await send(post<LicenceResponse, AssignSeatRequest>(path, assignee))).data;
  },

  async freeSeat(clientDocumentId: string, licenceId: string, seatId: string): Promise<StaffLicence> {
    const { del } = getFetchClient();
    const path = `${licencePath(clientDocumentId, licenceId)}/seats/${segment(seatId)}/assignee`;
    return (await send(del<LicenceResponse>(path))).data;
  },

  // Retainers, their hours and the contract editor's forms. A refused form keeps the fields the
  // server named (`sendForm`), so each message shows under its field.

  async createRetainer(clientDocumentId: string, request: CreateRetainerRequest): Promise<AdminRetainer> {
    const { post } = getFetchClient();
    return (await sendForm(post<RetainerResponse, CreateRetainerRequest>(`${BASE}/clients/${segment(clientDocumentId)}/retainers`, request))).data;
  },

  async updateRetainer(documentId: string, request: UpdateRetainerRequest): Promise<AdminRetainer> {
    const { put } = getFetchClient();
    return (await sendForm(put<RetainerResponse, UpdateRetainerRequest>(`${BASE}/retainers/${segment(documentId)}`, request))).data;
  },

  /** The retainer's hours in the period that holds `on` (today's when left out). */
  async getRetainerTime(documentId: string, on?: string): Promise<RetainerTimeView> {
    const { get } = getFetchClient();
    return (await send(get<GetRetainerTimeResponse>(`${BASE}/retainers/${segment(documentId)}/time`, { params: queryString({ on }) }))).data;
  },

  async logTime(retainerDocumentId: string, request: CreateTimeEntryRequest): Promise<TimeEntry> {
    const { post } = getFetchClient();
    return (await sendForm(post<TimeEntryResponse, CreateTimeEntryRequest>(`${BASE}/retainers/${segment(retainerDocumentId)}/time-entries`, request))).data;
  },

  async updateTimeEntry(documentId: string, request: UpdateTimeEntryRequest): Promise<TimeEntry> {
    const { put } = getFetchClient();
    return (await sendForm(put<TimeEntryResponse, UpdateTimeEntryRequest>(`${BASE}/time-entries/${segment(documentId)}`, request))).data;
  },

  async deleteTimeEntry(documentId: string): Promise<void> {
    const { del } = getFetchClient();
    await send(del<unknown>(`${BASE}/time-entries/${segment(documentId)}`));
  },

  /** A new draft of the client; the answer is its signing view. */
  async createContract(clientDocumentId: string, request: CreateContractRequest): Promise<AdminSigningView> {
    const { post } = getFetchClient();
    return (await sendForm(post<GetAdminSigningResponse, CreateContractRequest>(`${BASE}/clients/${segment(clientDocumentId)}/contracts`, request))).data;
  },

  async updateContract(documentId: string, request: UpdateContractRequest): Promise<AdminSigningView> {
    const { put } = getFetchClient();
    return (await sendForm(put<GetAdminSigningResponse, UpdateContractRequest>(`${BASE}/contracts/${segment(documentId)}`, request))).data;
  },

  // Documents and messages: files go to the plugin's private storage; downloads carry the staff token.

  async listClientDocuments(clientDocumentId: string): Promise<ListClientDocumentsResponse> {
    const { get } = getFetchClient();
    return send(get<ListClientDocumentsResponse>(`${BASE}/clients/${segment(clientDocumentId)}/documents`));
  },

  /** One file per request, as the server takes it: the same size and type checks as a contact's upload. */
  async uploadClientDocument(clientDocumentId: string, file: File, fields: UploadStaffDocumentFields): Promise<StaffDocument> {
    const { post } = getFetchClient();
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) if (typeof value === 'string' && value) form.append(key, value);
    form.append(UPLOAD_FILE_FIELD, file, file.name);
    return (await send(post<StaffDocumentResponse>(`${BASE}/clients/${segment(clientDocumentId)}/documents`, form))).data;
  },

  async addDocumentVersion(documentId: string, file: File): Promise<StaffDocument> {
    const { post } = getFetchClient();
    const form = new FormData();
    form.append(UPLOAD_FILE_FIELD, file, file.name);
    return (await send(post<StaffDocumentResponse>(`${BASE}/documents/${segment(documentId)}/versions`, form))).data;
  },

  /** A version's file, fetched with the staff member's token (a plain link has none). */
  async downloadDocument(documentId: string): Promise<Blob> {
    const { get } = getFetchClient();
    return send(get(`${BASE}/documents/${segment(documentId)}/download`, { responseType: 'blob' }));
  },

  async setDocumentArchived(documentId: string, archived: boolean): Promise<StaffDocument> {
    const { put } = getFetchClient();
    return (await send(put<StaffDocumentResponse, ArchiveDocumentRequest>(`${BASE}/documents/${segment(documentId)}/archive`, { archived }))).data;
  },

  async deleteDocument(documentId: string): Promise<DeleteDocumentResponse['data']> {
    const { del } = getFetchClient();
    return (await send(del<DeleteDocumentResponse>(`${BASE}/documents/${segment(documentId)}`))).data;
  },

  async startThread(clientDocumentId: string, thread: StartThreadRequest, files: readonly File[] = []): Promise<ThreadWithMessages> {
    const { post } = getFetchClient();
    const body = files.length ? messageForm(thread, files) : thread;
    return (await send(post<StartStaffThreadResponse>(`${BASE}/clients/${segment(clientDocumentId)}/threads`, body))).data;
  },

  /** Open threads with a client's message the firm has not read. */
  async countAwaitingThreads(): Promise<number> {
    const { get } = getFetchClient();
    return (await send(get<AwaitingThreadsResponse>(`${BASE}/inbox/awaiting`))).data.threads;
  },

  // Invoices, credit notes and payments. Money goes as integer minor units: the editor converts what staff type.
  async getInvoice(documentId: string): Promise<StaffInvoice> {
    const { get } = getFetchClient();
    return (await send(get<GetStaffInvoiceResponse>(`${BASE}/invoices/${segment(documentId)}`))).data;
  },

  async createInvoice(clientDocumentId: string, draft: SaveInvoiceDraftRequest): Promise<StaffInvoice> {
    const { post } = getFetchClient();
    return (await send(post<GetStaffInvoiceResponse, SaveInvoiceDraftRequest>(`${BASE}/clients/${segment(clientDocumentId)}/invoices`, draft))).data;
  },

  async saveInvoiceDraft(documentId: string, draft: SaveInvoiceDraftRequest): Promise<StaffInvoice> {
    const { put } = getFetchClient();
    return (await send(put<GetStaffInvoiceResponse, SaveInvoiceDraftRequest>(`${BASE}/invoices/${segment(documentId)}`, draft))).data;
  },

  async issueInvoice(documentId: string): Promise<StaffInvoice> {
    const { post } = getFetchClient();
    return (await send(post<GetStaffInvoiceResponse>(`${BASE}/invoices/${segment(documentId)}/issue`, {}))).data;
  },

  async voidInvoice(documentId: string): Promise<StaffInvoice> {
    const { post } = getFetchClient();
    return (await send(post<GetStaffInvoiceResponse>(`${BASE}/invoices/${segment(documentId)}/void`, {}))).data;
  },

  async createCreditNote(documentId: string, creditNote: CreateCreditNoteRequest = {}): Promise<StaffInvoice> {
    const { post } = getFetchClient();
    return (await send(post<GetStaffInvoiceResponse, CreateCreditNoteRequest>(`${BASE}/invoices/${segment(documentId)}/credit-notes`, creditNote))).data;
  },

  async recordPayment(documentId: string, payment: RecordPaymentRequest): Promise<StaffInvoice> {
    const { post } = getFetchClient();
    return (await send(post<GetStaffInvoiceResponse, RecordPaymentRequest>(`${BASE}/invoices/${segment(documentId)}/payments`, payment))).data;
  },

  async sendInvoiceReminder(documentId: string): Promise<SendReminderResponse['data']> {
    const { post } = getFetchClient();
    return (await send(post<SendReminderResponse>(`${BASE}/invoices/${segment(documentId)}/reminders`, {}))).data;
  },

  /** The invoice's PDF as a file, fetched with the staff member's token (a plain link has none). */
  /** The draft's own PDF, kept in private storage and served to the client instead of the generated one. */
  async attachInvoicePdf(documentId: string, file: File): Promise<StaffInvoice> {
    const { put } = getFetchClient();
    const form = new FormData();
    form.append(INVOICE_PDF_FIELD, file, file.name);
    return (await send(put<GetStaffInvoiceResponse>(`${BASE}/invoices/${segment(documentId)}/pdf`, form))).data;
  },

  async removeInvoicePdf(documentId: string): Promise<StaffInvoice> {
    const { del } = getFetchClient();
    return (await send(del<GetStaffInvoiceResponse>(`${BASE}/invoices/${segment(documentId)}/pdf`))).data;
  },

  async getInvoicePdf(documentId: string): Promise<Blob> {
    const { get } = getFetchClient();
    return send(get<Blob>(`${BASE}/invoices/${segment(documentId)}/pdf`, { responseType: 'blob' }));
  },
};

type ClientRecord = ClientRecordResponse['data'];

const projectPath = (clientDocumentId: string, projectId: string) => `${BASE}/clients/${segment(clientDocumentId)}/projects/${segment(projectId)}`;
const licencePath = (clientDocumentId: string, licenceId: string) => `${BASE}/clients/${segment(clientDocumentId)}/licences/${segment(licenceId)}`;
