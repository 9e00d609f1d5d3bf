import type { Core } from '@strapi/strapi';

import type { GetProjectResponse, ListProjectsResponse } from '../../../shared/contracts/portal-projects';
import { CLIENT_QUERY_KEY, portalContext } from '../portal/context';
import { parseListQuery } from '../portal/list-query';
import { getProject, listProjects, NO_SUCH_PROJECT, PROJECT_SORTS, PROJECT_STATUSES } from '../portal/projects/projects';
import { idParam, type PortalRequest } from '../portal/threads/request';
import { assertQueryKeys } from './validation';

const portalProjects = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: PortalRequest) {
    const query = parseListQuery(ctx.query, {
      sortable: PROJECT_SORTS,
      defaultSort: { field: 'dueDate', direction: 'asc' },
      filters: { status: PROJECT_STATUSES },
    });
    const body: ListProjectsResponse = await listProjects(strapi, portalContext(ctx), query);
    ctx.body = body;
  },

  async findOne(ctx: PortalRequest) {
    assertQueryKeys(ctx.query, [CLIENT_QUERY_KEY]);
    const body: GetProjectResponse = { data: await getProject(strapi, portalContext(ctx), idParam(ctx, NO_SUCH_PROJECT)) };
    ctx.body = body;
  },
});

export default portalProjects;
