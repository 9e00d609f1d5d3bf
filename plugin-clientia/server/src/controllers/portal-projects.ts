import type { Core } from '@strapi/strapi';

import { portalQuery } from '../../../shared/contracts/portal';
import { listProjectsQuery, type GetProjectResponse, type ListProjectsResponse } from '../../../shared/contracts/portal-projects';
import { portalContext } from '../portal/context';
import { getProject, listProjects, NO_SUCH_PROJECT } from '../portal/projects/projects';
import { requestedId } from '../http/record-id';
import type { PortalRequest } from './context';
import { parseQuery } from '../validation/parse';

const portalProjects = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: PortalRequest) {
    const query = parseQuery(listProjectsQuery, ctx.query);
    const body: ListProjectsResponse = await listProjects(strapi, portalContext(ctx), query);
    ctx.body = body;
  },

  async findOne(ctx: PortalRequest) {
    parseQuery(portalQuery, ctx.query);
    const body: GetProjectResponse = { data: await getProject(strapi, portalContext(ctx), requestedId(ctx.params, NO_SUCH_PROJECT)) };
    ctx.body = body;
  },
});

export default portalProjects;
