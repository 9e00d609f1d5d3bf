import type { Core } from '@strapi/strapi';
import { UID } from '../../constants';
import { columnOf, linkTable } from '../../repositories/records';

interface CallerSignature {
  contractId: number;
  contractVersion: number;
}

/**
 * The contact's `signed` events on these contracts, each with its contract: one statement joined
 * through both link tables by their indexed columns, however long the firm's trails grow.
 */
export const signaturesBy = async (strapi: Core.Strapi, userId: number, contractIds: number[]): Promise<CallerSignature[]> => {
  if (!contractIds.length) return [];
  const contractLink = linkTable(strapi, UID.signatureEvent, 'contract');
  const userLink = linkTable(strapi, UID.signatureEvent, 'user');
  const column = (attribute: string) => `e.${columnOf(strapi, UID.signatureEvent, attribute)}`;
  const rows = (await strapi.db
    .connection({ e: strapi.db.metadata.get(UID.signatureEvent).tableName })
    .join({ cl: contractLink.name }, `cl.${contractLink.joinColumn.name}`, 'e.id')
    .join({ ul: userLink.name }, `ul.${userLink.joinColumn.name}`, 'e.id')
    .whereIn(`cl.${contractLink.inverseJoinColumn.name}`, contractIds)
    .where(`ul.${userLink.inverseJoinColumn.name}`, userId)
    .where(column('type'), 'signed')
    .select({ contractId: `cl.${contractLink.inverseJoinColumn.name}`, contractVersion: column('contractVersion') })) as Record<string, unknown>[];
  return rows.map((row) => ({ contractId: Number(row.contractId), contractVersion: Number(row.contractVersion) }));
};
