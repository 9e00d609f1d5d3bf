/**
 * Portal API, contracts (`/api/clientia/contracts...`): the client's contracts except drafts.
 * Needs the `contracts` capability (owner, admin, billing).
 */
import { listQuery, type Money, type PortalList } from './portal';

export type PortalContractStatus = 'sent' | 'partially_signed' | 'signed' | 'active' | 'expired' | 'terminated' | 'declined';
export type PortalContractKind = 'msa' | 'sow' | 'nda' | 'licence' | 'retainer_agreement' | 'amendment';

export const PORTAL_CONTRACT_STATUSES: readonly PortalContractStatus[] = [
  'sent',
  'partially_signed',
  'signed',
  'active',
  'expired',
  'terminated',
  'declined',
];
export const PORTAL_CONTRACT_SORTS = ['effectiveDate', 'number', 'title'] as const;

export interface PortalContract {
  documentId: string;
  number: string | null;
  title: string;
  kind: PortalContractKind;
  status: PortalContractStatus;
  effectiveDate: string | null;
  endDate: string | null;
  renewalDate: string | null;
  value: Money | null;
  /** documentId of the contract this one amends. */
  amends: string | null;
  signedAt: string | null;
  /** Whether the caller is asked to sign this contract. */
  isSignatory: boolean;
  /** Whether the caller has signed it. */
  hasSigned: boolean;
  /** Whether a PDF can be downloaded from /contracts/:id/file. */
  hasFile: boolean;
}

export interface PortalContractDetail extends PortalContract {
  version: number;
  sentAt: string | null;
  /** Signatories sign one after another, in `order`. */
  sequential: boolean;
  /** Every signatory has signed: the signed PDF is at /contracts/:id/signed-file. */
  hasSignedFile: boolean;
  amendments: { documentId: string; number: string | null; title: string; status: PortalContractStatus }[];
  signatories: { name: string | null; order: number; hasSigned: boolean; signedAt: string | null }[];
}

/** GET /contracts?page&pageSize&sort=effectiveDate:desc&status */
export const listPortalContractsQuery = listQuery({
  sortable: PORTAL_CONTRACT_SORTS,
  defaultSort: { field: 'effectiveDate', direction: 'desc' },
  filters: { status: PORTAL_CONTRACT_STATUSES },
});
export type ListPortalContractsResponse = PortalList<PortalContract>;

/** GET /contracts/:id */
export interface GetPortalContractResponse {
  data: PortalContractDetail;
}
