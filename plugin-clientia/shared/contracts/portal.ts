/**
 * Portal API (`/api/clientia/...`): what a client's contacts reach with their own
 * users-permissions JWT. Ids are documentIds, dates ISO 8601, money `{ amount, currency }` in
 * minor units, errors `{ error: { status, name, message, details } }`.
 *
 * A contact of several clients picks one with the `X-Clientia-Client` header (or `client` query
 * parameter) set to the client's documentId; without it, the first of their clients by name.
 */
import type { Money } from './money';

export type PortalRole = 'owner' | 'admin' | 'billing' | 'member';

/** What a role may do inside a client (DESIGN.md, "Roles inside a client"). */
export type Capability =
  | 'dashboard'
  | 'projects'
  | 'documents'
  | 'documents.upload'
  | 'messages'
  | 'billing'
  | 'contracts'
  | 'seats'
  | 'seats.manage'
  | 'team.manage'
  | 'preferences';

export interface PortalClientRef {
  documentId: string;
  name: string;
}

/** GET /api/clientia/me */
export interface Me {
  user: { id: number; email: string; name: string };
  memberships: (PortalClientRef & { role: PortalRole; signatory: boolean })[];
  activeClient: PortalClientRef & { currency: string; locale: string | null; timezone: string | null };
  role: PortalRole;
  signatory: boolean;
  capabilities: Capability[];
}
export interface GetMeResponse {
  data: Me;
}

/**
 * PUT /api/clientia/me — the contact's own name (1 to 120 characters once trimmed), as every
 * client they belong to sees it. Answers like GET /me.
 */
export interface UpdateMeRequest {
  name: string;
}
export type UpdateMeResponse = GetMeResponse;

export interface PortalPagination {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

export interface PortalList<T> {
  data: T[];
  meta: { pagination: PortalPagination };
}

export type { Money };
