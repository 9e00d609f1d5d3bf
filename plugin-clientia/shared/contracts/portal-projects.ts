/** GET /api/clientia/projects and /api/clientia/projects/:id */
import { listQuery, type PortalList } from './portal';

export type ProjectStatus = 'planned' | 'active' | 'on_hold' | 'done';
const PROJECT_STATUSES: readonly ProjectStatus[] = ['planned', 'active', 'on_hold', 'done'];
export const PROJECT_SORTS = ['dueDate', 'name'] as const;
export type MilestoneStatus = 'pending' | 'in_progress' | 'done';

export interface PortalProject {
  documentId: string;
  name: string;
  status: ProjectStatus;
  /** Percent, 0 to 100. */
  progress: number;
  startDate: string | null;
  dueDate: string | null;
  summary: string | null;
  milestones: { done: number; total: number };
}

export interface PortalMilestone {
  documentId: string;
  title: string;
  dueDate: string | null;
  status: MilestoneStatus;
  completedAt: string | null;
}

export interface PortalProjectDetail extends Omit<PortalProject, 'milestones'> {
  milestoneCounts: { done: number; total: number };
  /** In the firm's order, then by due date. */
  milestones: PortalMilestone[];
}

/** GET /projects?page&pageSize&sort=dueDate|name(:asc|:desc)&status */
export const listProjectsQuery = listQuery({
  sortable: PROJECT_SORTS,
  defaultSort: { field: 'dueDate', direction: 'asc' },
  filters: { status: PROJECT_STATUSES },
});
export type ListProjectsResponse = PortalList<PortalProject>;
export interface GetProjectResponse {
  data: PortalProjectDetail;
}
