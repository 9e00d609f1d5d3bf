import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { ListProjectsResponse, PortalProjectDetail, PROJECT_SORTS } from '../../../../shared/contracts/portal-projects';
import { UID } from '../../constants';
import {
  PORTAL_MILESTONE_FIELDS,
  PORTAL_PROJECT_FIELDS,
  serializePortalProject,
  serializePortalProjectDetail,
  type MilestoneCounts,
} from '../../serializers/portal/project';
import type { Row } from '../../repositories/rows';
import { ids, linkedTo, records } from '../../repositories/records';
import type { PortalContext } from '../context';
import type { ListQuery } from '../../../../shared/contracts/portal';
import { paginationMeta } from '../../serializers/pagination';

export const NO_SUCH_PROJECT = 'No project has this id';

/** Milestones in the order the firm set, then by due date. */
const MILESTONE_ORDER = [{ order: 'asc' }, { dueDate: 'asc' }, { id: 'asc' }];

/** Done and total milestones of each project, from one query over the listed projects. */
const milestoneCounts = async (strapi: Core.Strapi, projectIds: number[]) => {
  const counts = new Map<number, MilestoneCounts>();
  if (!projectIds.length) return counts;
  const milestones = await records(strapi, UID.milestone).findMany({
    select: ['id', 'state'],
    where: { project: { id: { $in: projectIds } } },
    populate: { project: { select: ['id'] } },
  });
  for (const milestone of milestones) {
    const projectId = Number((milestone.project as Row | null)?.id);
    const count = counts.get(projectId) ?? { done: 0, total: 0 };
    count.total += 1;
    if (milestone.state === 'done') count.done += 1;
    counts.set(projectId, count);
  }
  return counts;
};

export const listProjects = async (
  strapi: Core.Strapi,
  portal: PortalContext,
  query: ListQuery<(typeof PROJECT_SORTS)[number], 'status'>
): Promise<ListProjectsResponse> => {
  const where: Record<string, unknown> = linkedTo(strapi, UID.project, 'client', portal.client.id);
  if (query.filters.status) where.state = query.filters.status;
  const { field, direction } = query.sort;
  const [rows, total] = await Promise.all([
    records(strapi, UID.project).findMany({
      select: [...PORTAL_PROJECT_FIELDS],
      where,
      orderBy: [{ [field]: direction }, { name: 'asc' }, { id: 'asc' }],
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    }),
    records(strapi, UID.project).count({ where }),
  ]);
  const counts = await milestoneCounts(strapi, ids(rows));
  return {
    data: rows.map((row) => serializePortalProject(row, counts.get(Number(row.id)) ?? { done: 0, total: 0 })),
    meta: paginationMeta(query.page, query.pageSize, Number(total)),
  };
};

export const getProject = async (strapi: Core.Strapi, portal: PortalContext, documentId: string): Promise<PortalProjectDetail> => {
  const project = await records(strapi, UID.project).findOne({
    select: [...PORTAL_PROJECT_FIELDS],
    where: { documentId, client: { id: portal.client.id } },
  });
  if (!project) throw new errors.NotFoundError(NO_SUCH_PROJECT);
  const milestones = await records(strapi, UID.milestone).findMany({
    select: [...PORTAL_MILESTONE_FIELDS],
    where: { project: { id: project.id } },
    orderBy: MILESTONE_ORDER,
  });
  return serializePortalProjectDetail(project, milestones);
};
