import type { ClientOverview, PortalPreview } from '../../../shared/contracts/admin';
import { assertClientSafe } from './client-safe';
import { isoDate, relationList, text, wholeNumber, type Row } from './values';

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
  uid: 'plugin::clientia.milestone',
  fields: assertClientSafe('plugin::clientia.milestone', ['id', 'title', 'state', 'dueDate', 'order']),
  serialize: (row: Row): PortalPreview['projects'][number]['milestones'][number] => ({
    title: text(row.title),
    state: text(row.state),
    dueDate: isoDate(row.dueDate),
  }),
} as const;

export const projectPreview = {
  uid: 'plugin::clientia.project',
  fields: assertClientSafe('plugin::clientia.project', ['id', 'name', 'state', 'progress']),
  serialize: (row: Row): PortalPreview['projects'][number] => ({
    name: text(row.name),
    state: text(row.state),
    progress: wholeNumber(row.progress),
    milestones: relationList(row, 'milestones').map(milestonePreview.serialize),
  }),
} as const;
