import type { AttentionOverview, ClientOverview, PortalPreview } from '../../../shared/contracts/admin';
import { assertClientSafe } from './client-safe';
import { clientRef, money } from './values';
import { isoDate, isoDateTime, relation, text, textOrNull, type Row } from '../repositories/rows';
import { UID } from '../constants';

export const AWAITING_SIGNATURE_STATES = ['sent', 'partially_signed'] as const;

export const CONTRACT_FIELDS = ['id', 'documentId', 'number', 'title', 'kind', 'state', 'effectiveDate', 'endDate', 'value', 'currency'] as const;

export const serializeContract = (row: Row): ClientOverview['contracts'][number] => ({
  documentId: text(row.documentId),
  number: textOrNull(row.number),
  title: text(row.title),
  kind: text(row.kind),
  state: text(row.state),
  effectiveDate: isoDate(row.effectiveDate),
  endDate: isoDate(row.endDate),
  value: row.value === null || row.value === undefined ? null : money(row.value, row.currency),
});

export const AWAITING_SIGNATURE_FIELDS = ['id', 'documentId', 'number', 'title', 'state', 'sentAt'] as const;

export const serializeAwaitingSignature = (row: Row): AttentionOverview['contractsAwaitingSignature'][number] => ({
  documentId: text(row.documentId),
  number: text(row.number),
  title: text(row.title),
  client: clientRef(relation(row, 'client')),
  state: text(row.state) as 'sent' | 'partially_signed',
  sentAt: isoDateTime(row.sentAt),
});

export const contractLabel = (row: Row) => [textOrNull(row.number), text(row.title)].filter(Boolean).join(' ');

export const contractPreview = {
  uid: UID.contract,
  fields: assertClientSafe(UID.contract, ['id', 'number', 'title', 'state']),
  serialize: (row: Row): PortalPreview['contracts'][number] => ({
    number: textOrNull(row.number),
    title: text(row.title),
    state: text(row.state),
  }),
} as const;
