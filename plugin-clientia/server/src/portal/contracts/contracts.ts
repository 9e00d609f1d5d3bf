import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type {
  GetPortalContractResponse,
  ListPortalContractsResponse,
  PORTAL_CONTRACT_SORTS,
  PortalContractDetail,
} from '../../../../shared/contracts/portal-contracts';
import { UID } from '../../constants';
import {
  AMENDMENT_FIELDS,
  AMENDS_FIELDS,
  PORTAL_CONTRACT_DETAIL_FIELDS,
  PORTAL_CONTRACT_FIELDS,
  serializePortalContract,
  serializePortalContractDetail,
  SIGNATORY_FIELDS,
  type CallerSigning,
} from '../../serializers/portal/contract';
import { isoDateTime, relation, relationList, rowId, text, textOrNull, type Row } from '../../repositories/rows';
import { ids, linkedTo, records } from '../../repositories/records';
import { signingOrderOf } from '../../signing/state';
import type { PortalContext } from '../context';
import type { ListQuery } from '../../../../shared/contracts/portal';
import { paginationMeta } from '../../serializers/pagination';
import { signaturesBy } from './signed-by';
import type { FileStream } from '../../storage/media-files';
import { CONTRACT_FILE_SELECT, openContractFile } from '../../signing/document';
import { attachmentName } from '../../http/downloads';

type ContractSort = (typeof PORTAL_CONTRACT_SORTS)[number];

/** Same words for a foreign, a missing and a draft contract: none of them exists for the caller. */
export const CONTRACT_NOT_FOUND = 'No contract with this id';

/** The contracts a contact may see: their client's, drafts never. */
const visibleTo = (strapi: Core.Strapi, portal: PortalContext) => ({
  ...linkedTo(strapi, UID.contract, 'client', portal.client.id),
  state: { $ne: 'draft' },
});

const LIST_POPULATE = { amends: { select: [...AMENDS_FIELDS] } };

/** The contracts among these the caller has signed. */
const signedByCaller = async (strapi: Core.Strapi, portal: PortalContext, contractIds: number[]) =>
  new Set((await signaturesBy(strapi, portal.user.id, contractIds)).map((signature) => signature.contractId));

/** For a page of contracts: which ones ask the caller to sign and which the caller has signed. */
const callerSigning = async (strapi: Core.Strapi, portal: PortalContext, contractIds: number[]) => {
  if (contractIds.length === 0) return () => ({ isSignatory: false, hasSigned: false });
  const [asked, signed] = await Promise.all([
    records(strapi, UID.contract).findMany({
      select: ['id'],
      where: { id: { $in: contractIds }, signatories: { id: portal.membership.id } },
    }),
    signedByCaller(strapi, portal, contractIds),
  ]);
  const askedIds = new Set(ids(asked));
  return (id: number): CallerSigning => ({ isSignatory: askedIds.has(id), hasSigned: signed.has(id) });
};

export const listContracts = async (
  strapi: Core.Strapi,
  portal: PortalContext,
  { page, pageSize, sort, filters }: ListQuery<ContractSort, 'status'>
): Promise<ListPortalContractsResponse> => {
  const where = { ...visibleTo(strapi, portal), ...(filters.status ? { state: filters.status } : {}) };
  const [rows, total] = await Promise.all([
    records(strapi, UID.contract).findMany({
      select: [...PORTAL_CONTRACT_FIELDS],
      where,
      populate: LIST_POPULATE,
      orderBy: [{ [sort.field]: sort.direction }, { id: sort.direction }],
      offset: (page - 1) * pageSize,
      limit: pageSize,
    }),
    records(strapi, UID.contract).count({ where }),
  ]);
  const signing = await callerSigning(strapi, portal, ids(rows));
  return {
    data: rows.map((row) => serializePortalContract(row, signing(Number(row.id)))),
    meta: paginationMeta(page, pageSize, total),
  };
};

export const findContract = async (strapi: Core.Strapi, portal: PortalContext, documentId: string): Promise<GetPortalContractResponse> => {
  const row = await records(strapi, UID.contract).findOne({
    select: [...PORTAL_CONTRACT_DETAIL_FIELDS],
    where: { documentId, ...visibleTo(strapi, portal) },
    populate: {
      ...LIST_POPULATE,
      signatories: { select: [...SIGNATORY_FIELDS], populate: { user: { select: ['id'] } } },
    },
  });
  if (!row) throw new errors.NotFoundError(CONTRACT_NOT_FOUND);

  const [amendments, events] = await Promise.all([
    records(strapi, UID.contract).findMany({
      select: [...AMENDMENT_FIELDS],
      where: { amends: { id: row.id }, ...visibleTo(strapi, portal) },
      orderBy: [{ effectiveDate: 'asc' }, { id: 'asc' }],
    }),
    records(strapi, UID.signatureEvent).findMany({
      select: ['id', 'occurredAt'],
      where: { contract: { id: row.id }, type: 'signed' },
      populate: { user: { select: ['id'] } },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    }),
  ]);
  const signedAt = new Map<number, string | null>();
  for (const event of events) {
    const userId = rowId(relation(event, 'user'));
    if (userId !== null && !signedAt.has(userId)) signedAt.set(userId, isoDateTime(event.occurredAt));
  }

  // In the order staff chose when sending; by name for those outside it.
  const order = signingOrderOf(row.signingOrder);
  const place = (membership: Row) => (order.includes(Number(membership.id)) ? order.indexOf(Number(membership.id)) : order.length);
  const memberships = relationList(row, 'signatories').sort(
    (a, b) => place(a) - place(b) || text(a.name).localeCompare(text(b.name)) || Number(a.id) - Number(b.id)
  );
  const signatories: PortalContractDetail['signatories'] = memberships.map((membership, index) => {
    const userId = rowId(relation(membership, 'user'));
    const signed = userId !== null && signedAt.has(userId);
    return { name: textOrNull(membership.name), order: index + 1, hasSigned: signed, signedAt: signed ? signedAt.get(userId)! : null };
  });
  const caller: CallerSigning = {
    isSignatory: memberships.some((membership) => Number(membership.id) === portal.membership.id),
    hasSigned: signedAt.has(portal.user.id),
  };
  return { data: serializePortalContractDetail(row, caller, amendments, signatories) };
};

/** The contract's PDF, opened for streaming, and the name the download carries. */
export const contractFile = async (
  strapi: Core.Strapi,
  portal: PortalContext,
  documentId: string
): Promise<{ file: FileStream; filename: string }> => {
  const row: Row | null = await records(strapi, UID.contract).findOne({
    select: ['id', 'number', ...CONTRACT_FILE_SELECT],
    where: { documentId, ...visibleTo(strapi, portal) },
  });
  if (!row) throw new errors.NotFoundError(CONTRACT_NOT_FOUND);
  const file = await openContractFile(strapi, row);
  if (!file) throw new errors.NotFoundError('This contract has no file to download');
  return { file, filename: attachmentName(textOrNull(row.number), 'contract') };
};
