import type { Core } from '@strapi/strapi';

import type { ListActivityResponse } from '../../../shared/contracts/portal-activity';
import { fieldError } from '../domain/errors';
import { listActivity } from '../portal/activity/feed';
import { portalContext } from '../portal/context';
import { parseListQuery } from '../portal/list-query';
import type { PortalRequest } from '../portal/threads/request';

/** The feed reads newest first, always. */
const FEED_ORDER = { field: 'occurredAt', direction: 'desc' } as const;

const portalActivity = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: PortalRequest) {
    const { page, pageSize, sort } = parseListQuery(ctx.query, { sortable: [FEED_ORDER.field], defaultSort: FEED_ORDER });
    if (sort.direction !== FEED_ORDER.direction) throw fieldError('sort', 'the feed is always newest first: occurredAt:desc');
    const body: ListActivityResponse = await listActivity(strapi, portalContext(ctx), { page, pageSize });
    ctx.body = body;
  },
});

export default portalActivity;
