import type { ClientOverview, PortalPreview } from '../../../shared/contracts/admin';
import type { MilestoneState, ProjectState, StaffMilestone, StaffProject } from '../../../shared/contracts/admin-records';
import { assertClientSafe } from './client-safe';
import { isoDate, isoDateTime, relationList, text, textOrNull, wholeNumber, type Row } from '../repositories/rows';
import { UID } from '../constants';

export const PROJECT_FIELDS = ['id', 'documentId', 'name', 'state', 'progress', 'dueDate'] as const;
export const MILESTONE_FIELDS = ['id', 'documentId', 'title', 'state', 'dueDate', 'order'] as const;

/** Milestones in the order the firm set, then by due date. */
export const MILESTONE_ORDER = [{ order: 'asc' }, { dueDate: 'asc' }, { id: 'asc' }];

export const serializeProject = (row: Row): ClientOverview['projects'][number] => ({
  documentId: text(row.documentId),
  name: text(row.name),
  state: text(row.state),
  progress: wholeNumber(row.progress),
  dueDate: isoDate(row.dueDate),
  milestones: relationList(row, 'milestones').map((milestone) => ({
    documentId: text(milestone.documentId),
    title: text(milestone.title),
    state: text(milestone.state),
    dueDate: isoDate(milestone.dueDate),
  })),
});

export const milestonePreview = {
  uid: UID.milestone,
  fields: assertClientSafe(UID.milestone, ['id', 'title', 'state', 'dueDate', 'order']),
  serialize: (row: Row): PortalPreview['projects'][number]['milestones'][number] => ({
    title: text(row.title),
    state: text(row.state),
    dueDate: isoDate(row.dueDate),
  }),
} as const;

export const projectPreview = {
  uid: UID.project,
  fields: assertClientSafe(UID.project, ['id', 'name', 'state', 'progress']),
  serialize: (row: Row): PortalPreview['projects'][number] => ({
    name: text(row.name),
    state: text(row.state),
    progress: wholeNumber(row.progress),
    milestones: relationList(row, 'milestones').map(milestonePreview.serialize),
  }),
} as const;

/** What staff edit of a project: everything, internal notes included. */
export const STAFF_PROJECT_FIELDS = ['id', 'documentId', 'name', 'state', 'progress', 'startDate', 'dueDate', 'summary', 'internalNotes'] as const;
export const STAFF_MILESTONE_FIELDS = ['id', 'documentId', 'title', 'state', 'dueDate', 'completedAt', 'order'] as const;

const serializeStaffMilestone = (row: Row): StaffMilestone => ({
  documentId: text(row.documentId),
  title: text(row.title),
  state: text(row.state) as MilestoneState,
  dueDate: isoDate(row.dueDate),
  completedAt: isoDateTime(row.completedAt),
  order: wholeNumber(row.order),
});

export const serializeStaffProject = (row: Row, milestones: Row[]): StaffProject => ({
  documentId: text(row.documentId),
  name: text(row.name),
  state: text(row.state) as ProjectState,
  progress: wholeNumber(row.progress),
  startDate: isoDate(row.startDate),
  dueDate: isoDate(row.dueDate),
  summary: textOrNull(row.summary),
  internalNotes: textOrNull(row.internalNotes),
  milestones: milestones.map(serializeStaffMilestone),
});
