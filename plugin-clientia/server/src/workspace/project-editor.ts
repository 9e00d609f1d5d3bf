import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type {
  CreateMilestoneRequest,
  CreateProjectRequest,
  StaffProject,
  UpdateMilestoneRequest,
  UpdateProjectRequest,
} from '../../../shared/contracts/admin-records';
import { fieldError } from '../domain/errors';
import { UID } from '../constants';
import { MILESTONE_ORDER, serializeStaffProject, STAFF_MILESTONE_FIELDS, STAFF_PROJECT_FIELDS } from '../serializers/project';
import { text, wholeNumber, type Row } from '../repositories/rows';
import { documents, records } from '../repositories/records';

const NO_PROJECT = 'No project of this client has this id';

const findClient = async (strapi: Core.Strapi, documentId: string) => {
  const client = await records(strapi, UID.client).findOne({ select: ['id', 'documentId'], where: { documentId } });
  if (!client) throw new errors.NotFoundError('No client has this documentId');
  return client;
};

/** The project of this client; another client's project is as unknown as a missing one. */
const findProject = async (strapi: Core.Strapi, clientDocumentId: string, projectId: string) => {
  const client = await findClient(strapi, clientDocumentId);
  const project = await records(strapi, UID.project).findOne({ select: [...STAFF_PROJECT_FIELDS], where: { documentId: projectId, client: { id: client.id } } });
  if (!project) throw new errors.NotFoundError(NO_PROJECT);
  return project;
};

const milestonesOf = (strapi: Core.Strapi, project: Row) =>
  records(strapi, UID.milestone).findMany({ select: [...STAFF_MILESTONE_FIELDS], where: { project: { id: project.id } }, orderBy: MILESTONE_ORDER });

const present = (fields: Record<string, unknown>) => Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));

/** The project as staff edit it, milestones in the firm's order. */
export const getProject = async (strapi: Core.Strapi, clientDocumentId: string, projectId: string): Promise<StaffProject> => {
  const project = await findProject(strapi, clientDocumentId, projectId);
  return serializeStaffProject(project, await milestonesOf(strapi, project));
};

/** A new project of the client; the project rule checks that it ends no earlier than it starts. */
export const createProject = async (strapi: Core.Strapi, clientDocumentId: string, request: CreateProjectRequest): Promise<StaffProject> => {
  const client = await findClient(strapi, clientDocumentId);
  const created = await documents(strapi, UID.project).create({ data: { ...present(request), client: text(client.documentId) } });
  return getProject(strapi, clientDocumentId, text(created.documentId));
};

export const updateProject = async (strapi: Core.Strapi, clientDocumentId: string, projectId: string, request: UpdateProjectRequest): Promise<StaffProject> => {
  await findProject(strapi, clientDocumentId, projectId);
  const data = present(request);
  if (Object.keys(data).length > 0) await documents(strapi, UID.project).update({ documentId: projectId, data });
  return getProject(strapi, clientDocumentId, projectId);
};

/** A milestone added after the project's others; the milestone rule gives it the project's client. */
export const createMilestone = async (
  strapi: Core.Strapi,
  clientDocumentId: string,
  projectId: string,
  request: CreateMilestoneRequest
): Promise<StaffProject> => {
  const project = await findProject(strapi, clientDocumentId, projectId);
  await strapi.db.transaction(async () => {
    const last = Math.max(0, ...(await milestonesOf(strapi, project)).map((milestone) => wholeNumber(milestone.order)));
    await documents(strapi, UID.milestone).create({ data: { ...present(request), project: projectId, order: last + 1 } });
  });
  return getProject(strapi, clientDocumentId, projectId);
};

/** Title, due date or state of one milestone; marked done, the rule records when. */
export const updateMilestone = async (
  strapi: Core.Strapi,
  clientDocumentId: string,
  projectId: string,
  milestoneId: string,
  request: UpdateMilestoneRequest
): Promise<StaffProject> => {
  const project = await findProject(strapi, clientDocumentId, projectId);
  const milestone = await records(strapi, UID.milestone).findOne({ select: ['id'], where: { documentId: milestoneId, project: { id: project.id } } });
  if (!milestone) throw new errors.NotFoundError('No milestone of this project has this id');
  const data = present(request);
  if (Object.keys(data).length > 0) await documents(strapi, UID.milestone).update({ documentId: milestoneId, data });
  return getProject(strapi, clientDocumentId, projectId);
};

/**
 * Puts the project's milestones in the order given: every one of them, each once. Only the
 * milestones whose place changed are written, all in one transaction.
 */
export const reorderMilestones = async (strapi: Core.Strapi, clientDocumentId: string, projectId: string, order: string[]): Promise<StaffProject> => {
  const project = await findProject(strapi, clientDocumentId, projectId);
  await strapi.db.transaction(async () => {
    const milestones = await milestonesOf(strapi, project);
    const known = new Map(milestones.map((milestone) => [text(milestone.documentId), milestone]));
    if (order.length !== known.size || order.some((id) => !known.has(id))) {
      throw fieldError('milestones', "must list each of the project's milestones once, by documentId, in the new order");
    }
    for (const [index, documentId] of order.entries()) {
      if (wholeNumber(known.get(documentId)!.order) !== index + 1) {
        await documents(strapi, UID.milestone).update({ documentId, data: { order: index + 1 } });
      }
    }
  });
  return getProject(strapi, clientDocumentId, projectId);
};
