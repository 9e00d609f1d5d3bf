import type { ActivityItem, PortalPreview } from '../../../shared/contracts/admin';
import { assertClientSafe } from './client-safe';
import { bool, isoDateTime, text, textOrNull, type Row } from '../repositories/rows';
import { UID } from '../constants';

export const ACTIVITY_FIELDS = [
  'id',
  'occurredAt',
  'actorType',
  'actorLabel',
  'verb',
  'subjectType',
  'subjectId',
  'subjectLabel',
  'visibleToClient',
] as const;

export const ACTIVITY_ORDER = [{ occurredAt: 'desc' }, { id: 'desc' }];

export const serializeActivity = (row: Row): ActivityItem => ({
  occurredAt: isoDateTime(row.occurredAt) ?? '',
  actorType: text(row.actorType) as ActivityItem['actorType'],
  actorLabel: text(row.actorLabel),
  verb: text(row.verb),
  subjectType: text(row.subjectType),
  subjectId: textOrNull(row.subjectId),
  subjectLabel: text(row.subjectLabel),
  visibleToClient: bool(row.visibleToClient),
});

export const activityPreview = {
  uid: UID.activity,
  fields: assertClientSafe(UID.activity, ['id', 'occurredAt', 'actorLabel', 'verb', 'subjectLabel']),
  serialize: (row: Row): PortalPreview['activity'][number] => ({
    occurredAt: isoDateTime(row.occurredAt) ?? '',
    actorLabel: text(row.actorLabel),
    verb: text(row.verb),
    subjectLabel: text(row.subjectLabel),
  }),
} as const;
