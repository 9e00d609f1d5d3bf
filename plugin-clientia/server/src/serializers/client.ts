import type { ClientListItem, ClientOverview, ClientState, PortalPreview } from '../../../shared/contracts/admin';
import type { Money } from '../../../shared/contracts/money';
import { assertClientSafe } from './client-safe';
import { staffName } from './values';
import { bool, relation, text, textOrNull, type Row } from '../repositories/rows';
import { UID } from '../constants';

export const CLIENT_LIST_FIELDS = ['id', 'documentId', 'name', 'state', 'currency', 'portalEnabled'] as const;

export const serializeClientListItem = (row: Row, contacts: number, openBalance: Money): ClientListItem => ({
  documentId: text(row.documentId),
  name: text(row.name),
  state: text(row.state) as ClientState,
  currency: text(row.currency),
  portalEnabled: bool(row.portalEnabled),
  contacts,
  openBalance,
});

/** Staff see everything about a client, internal notes included. */
export const CLIENT_DETAIL_FIELDS = [
  'id',
  'documentId',
  'name',
  'legalName',
  'state',
  'billingEmail',
  'billingAddress',
  'taxId',
  'currency',
  'preferredLocale',
  'timezone',
  'portalEnabled',
  'internalNotes',
] as const;

export const serializeClientDetail = (row: Row): ClientOverview['client'] => {
  const manager = relation(row, 'accountManager');
  return {
    documentId: text(row.documentId),
    name: text(row.name),
    legalName: textOrNull(row.legalName),
    state: text(row.state) as ClientState,
    billingEmail: textOrNull(row.billingEmail),
    billingAddress: textOrNull(row.billingAddress),
    taxId: textOrNull(row.taxId),
    currency: text(row.currency),
    locale: textOrNull(row.preferredLocale),
    timezone: textOrNull(row.timezone),
    portalEnabled: bool(row.portalEnabled),
    accountManager: manager ? { id: Number(manager.id), name: staffName(manager) } : null,
    internalNotes: textOrNull(row.internalNotes),
  };
};

export const clientPreview = {
  uid: UID.client,
  fields: assertClientSafe(UID.client, ['id', 'name', 'currency', 'preferredLocale']),
  serialize: (row: Row): PortalPreview['client'] => ({
    name: text(row.name),
    currency: text(row.currency),
    locale: textOrNull(row.preferredLocale),
  }),
} as const;
