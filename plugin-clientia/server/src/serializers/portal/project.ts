import type { MilestoneStatus, PortalMilestone, PortalProject, PortalProjectDetail, ProjectStatus } from '../../../../shared/contracts/portal-projects';
import { assertClientSafe } from '../client-safe';
import { isoDate, isoDateTime, text, textOrNull, wholeNumber, type Row } from '../../repositories/rows';
import { UID } from '../../constants';

export const PORTAL_PROJECT_FIELDS = assertClientSafe(UID.project, [
  'id',
  'documentId',
  'name',
  'state',
  'progress',
  'startDate',
  'dueDate',
  'summary',
]);

export const PORTAL_MILESTONE_FIELDS = assertClientSafe(UID.milestone, [
  'id',
  'documentId',
  'title',
  'dueDate',
  'state',
  'completedAt',
  'order',
]);

export interface MilestoneCounts {
  done: number;
  total: number;
}

const projectFields = (row: Row) => ({
  documentId: text(row.documentId),
  name: text(row.name),
  status: text(row.state) as ProjectStatus,
  progress: Math.min(100, Math.max(0, wholeNumber(row.progress))),
  startDate: isoDate(row.startDate),
  dueDate: isoDate(row.dueDate),
  summary: textOrNull(row.summary),
});

export const serializePortalProject = (row: Row, counts: MilestoneCounts): PortalProject => ({
  ...projectFields(row),
  milestones: counts,
});

const serializePortalMilestone = (row: Row): PortalMilestone => ({
  documentId: text(row.documentId),
  title: text(row.title),
  dueDate: isoDate(row.dueDate),
  status: text(row.state) as MilestoneStatus,
  completedAt: isoDateTime(row.completedAt),
});

export const serializePortalProjectDetail = (row: Row, milestones: Row[]): PortalProjectDetail => ({
  ...projectFields(row),
  milestoneCounts: { done: milestones.filter((m) => m.state === 'done').length, total: milestones.length },
  milestones: milestones.map(serializePortalMilestone),
});
