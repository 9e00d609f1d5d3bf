import type { Core } from '@strapi/strapi';

import type { ListLicencesResponse } from '../../../../shared/contracts/portal-seats';
import { UID } from '../../rules/helpers';
import { PORTAL_LICENCE_FIELDS, serializePortalLicence } from '../../serializers/portal/licence';
import { countByRelation, ids, linkedTo, records } from '../../services/records';
import type { PortalContext } from '../context';
import { paginationMeta, parseListQuery } from '../list-query';

const SORTABLE = ['product', 'renewalDate'] as const;

/** The client's licences with how many seats are taken: three queries whatever the page size. */
export const listLicences = async (strapi: Core.Strapi, portal: PortalContext, query: Record<string, unknown>): Promise<ListLicencesResponse> => {
  const { page, pageSize, sort } = parseListQuery(query, { sortable: SORTABLE, defaultSort: { field: 'product', direction: 'asc' } });
  const where = linkedTo(strapi, UID.licence, 'client', portal.client.id);
  const [rows, total] = await Promise.all([
    records(strapi, UID.licence).findMany({
      select: [...PORTAL_LICENCE_FIELDS],
      where,
      orderBy: [{ [sort.field]: sort.direction }, { id: 'asc' }],
      offset: (page - 1) * pageSize,
      limit: pageSize,
    }),
    records(strapi, UID.licence).count({ where }),
  ]);
  const assigned = await countByRelation(strapi, UID.seat, 'licence', ids(rows), { nonEmpty: 'assigneeEmail' });
  return {
    data: rows.map((row) => serializePortalLicence(row, assigned.get(Number(row.id)) ?? 0)),
    meta: paginationMeta(page, pageSize, Number(total)),
  };
};
