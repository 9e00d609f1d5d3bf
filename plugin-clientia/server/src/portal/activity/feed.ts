import type { Core } from '@strapi/strapi';

import type { ListActivityResponse } from '../../../../shared/contracts/portal-activity';
import { UID } from '../../constants';
import { PORTAL_ACTIVITY_FIELDS, PORTAL_ACTIVITY_POPULATE, serializePortalActivity } from '../../serializers/portal/activity';
import { linkedTo, records } from '../../repositories/records';
import type { Row } from '../../repositories/rows';
import type { PortalContext } from '../context';
import { paginationMeta } from '../../serializers/pagination';
import { contactNamesIn } from './contact-names';
import { firmDefaults } from './firm';

/** The client's feed: only entries meant for the client, newest first. */
export const listActivity = async (
  strapi: Core.Strapi,
  portal: PortalContext,
  { page, pageSize }: { page: number; pageSize: number }
): Promise<ListActivityResponse> => {
  const where = { ...linkedTo(strapi, UID.activity, 'client', portal.client.id), visibleToClient: true };
  const [rows, total, firm] = await Promise.all([
    records(strapi, UID.activity).findMany({
      select: [...PORTAL_ACTIVITY_FIELDS],
      where,
      populate: PORTAL_ACTIVITY_POPULATE,
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      offset: (page - 1) * pageSize,
      limit: pageSize,
    }),
    records(strapi, UID.activity).count({ where }),
    firmDefaults(strapi),
  ]);
  const contactIds = rows.map((row) => Number((row.actorContact as Row | null)?.id));
  const names = await contactNamesIn(strapi, portal.client.id, contactIds);
  return {
    data: rows.map((row) => serializePortalActivity(row, names, firm.firmName)),
    meta: paginationMeta(page, pageSize, Number(total)),
  };
};
