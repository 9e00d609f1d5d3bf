import type { Core } from '@strapi/strapi';

import {
  createMilestoneRequest,
  createProjectRequest,
  reorderMilestonesRequest,
  updateMilestoneRequest,
  updateProjectRequest,
  type ProjectResponse,
} from '../../../shared/contracts/admin-records';
import { noQuery } from '../../../shared/contracts/fields';
import { createMilestone, createProject, getProject, reorderMilestones, updateMilestone, updateProject } from '../workspace/project-editor';
import { answerWith, type AdminContext } from './context';
import { pathId } from './record-params';
import { parseBody, parseQuery } from '../validation/parse';

const answer = (ctx: AdminContext, pending: Promise<ProjectResponse['data']>, status = 200) => answerWith(ctx, pending, status);

/** Staff keep a client's projects and their milestones from the client page. */
const projectEditor = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    await answer(ctx, getProject(strapi, pathId(ctx, 'documentId'), pathId(ctx, 'projectId')));
  },

  async create(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const clientId = pathId(ctx, 'documentId');
    const request = parseBody(createProjectRequest, ctx.request.body);
    await answer(ctx, createProject(strapi, clientId, request), 201);
  },

  async update(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const [clientId, projectId] = [pathId(ctx, 'documentId'), pathId(ctx, 'projectId')];
    const request = parseBody(updateProjectRequest, ctx.request.body);
    await answer(ctx, updateProject(strapi, clientId, projectId, request));
  },

  async createMilestone(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const [clientId, projectId] = [pathId(ctx, 'documentId'), pathId(ctx, 'projectId')];
    const request = parseBody(createMilestoneRequest, ctx.request.body);
    await answer(ctx, createMilestone(strapi, clientId, projectId, request), 201);
  },

  async updateMilestone(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const [clientId, projectId, milestoneId] = [pathId(ctx, 'documentId'), pathId(ctx, 'projectId'), pathId(ctx, 'milestoneId')];
    const request = parseBody(updateMilestoneRequest, ctx.request.body);
    await answer(ctx, updateMilestone(strapi, clientId, projectId, milestoneId, request));
  },

  async reorderMilestones(ctx: AdminContext) {
    parseQuery(noQuery, ctx.query);
    const [clientId, projectId] = [pathId(ctx, 'documentId'), pathId(ctx, 'projectId')];
    const { milestones } = parseBody(reorderMilestonesRequest, ctx.request.body);
    await answer(ctx, reorderMilestones(strapi, clientId, projectId, milestones));
  },
});

export default projectEditor;
