import type { Core } from '@strapi/strapi';

import type { ListQuery } from '../../../../shared/contracts/portal';
import type { LICENCE_SORTS, ListLicencesResponse } from '../../../../shared/contracts/portal-seats';
import { UID } from '../../constants';
import { PORTAL_LICENCE_FIELDS, serializePortalLicence } from '../../serializers/portal/licence';
import { countByRelation, ids, linkedTo, records } from '../../repositories/records';
import type { PortalContext } from '../context';
import { paginationMeta } from '../../serializers/pagination';

/** The client's licences with how many seats are taken: three queries whatever the page size. */
export const listLicences = async (
  strapi: Core.Strapi,
  portal: PortalContext,
  { page, pageSize, sort }: ListQuery<(typeof LICENCE_SORTS)[number]>
): Promise<ListLicencesResponse> => {
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
