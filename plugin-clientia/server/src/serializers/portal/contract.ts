import type { PortalContract, PortalContractDetail, PortalContractKind, PortalContractStatus } from '../../../../shared/contracts/portal-contracts';
import { assertClientSafe } from '../client-safe';
import { money } from '../values';
import { isoDate, isoDateTime, relation, text, textOrNull, wholeNumber, type Row } from '../../repositories/rows';
import { UID } from '../../constants';

export const PORTAL_CONTRACT_FIELDS = assertClientSafe(UID.contract, [
  'id',
  'documentId',
  'number',
  'title',
  'kind',
  'state',
  'effectiveDate',
  'endDate',
  'renewalDate',
  'value',
  'currency',
  'signedAt',
  // Set once a PDF is uploaded into private storage; the storage key itself is staff-only.
  'fileHash',
]);

export const PORTAL_CONTRACT_DETAIL_FIELDS = assertClientSafe(UID.contract, [
  ...PORTAL_CONTRACT_FIELDS,
  'version',
  'sentAt',
  'sequentialSigning',
  'signingOrder',
  'completedFileHash',
]);

/** The amended contract is named only when the client may see it (never a draft). */
export const AMENDS_FIELDS = assertClientSafe(UID.contract, ['id', 'documentId', 'state']);

export const AMENDMENT_FIELDS = assertClientSafe(UID.contract, ['id', 'documentId', 'number', 'title', 'state']);

export const SIGNATORY_FIELDS = assertClientSafe(UID.membership, ['id', 'name']);

/** What the caller has to do with a contract, from the signatories and the signature events. */
export interface CallerSigning {
  isSignatory: boolean;
  hasSigned: boolean;
}

export const serializePortalContract = (row: Row, caller: CallerSigning): PortalContract => {
  const amends = relation(row, 'amends');
  return {
    documentId: text(row.documentId),
    number: textOrNull(row.number),
    title: text(row.title),
    kind: text(row.kind) as PortalContractKind,
    status: text(row.state) as PortalContractStatus,
    effectiveDate: isoDate(row.effectiveDate),
    endDate: isoDate(row.endDate),
    renewalDate: isoDate(row.renewalDate),
    value: row.value === null || row.value === undefined ? null : money(row.value, row.currency),
    amends: amends && amends.state !== 'draft' ? text(amends.documentId) : null,
    signedAt: isoDateTime(row.signedAt),
    isSignatory: caller.isSignatory,
    hasSigned: caller.hasSigned,
    hasFile: Boolean(textOrNull(row.fileHash)),
  };
};

export const serializePortalContractDetail = (
  row: Row,
  caller: CallerSigning,
  amendments: Row[],
  signatories: PortalContractDetail['signatories']
): PortalContractDetail => ({
  ...serializePortalContract(row, caller),
  version: wholeNumber(row.version) || 1,
  sentAt: isoDateTime(row.sentAt),
  sequential: row.sequentialSigning === true || row.sequentialSigning === 1,
  hasSignedFile: typeof row.completedFileHash === 'string' && row.completedFileHash !== '',
  amendments: amendments.map((amendment) => ({
    documentId: text(amendment.documentId),
    number: textOrNull(amendment.number),
    title: text(amendment.title),
    status: text(amendment.state) as PortalContractStatus,
  })),
  signatories,
});
