import type { PortalActivity } from '../../../../shared/contracts/portal-activity';
import { assertClientSafe } from '../client-safe';
import { isoDateTime, relation, text, type Row } from '../../repositories/rows';
import { staffDisplayName, type ContactNames } from './message';
import { UID } from '../../constants';

/** Never `changes`: the feed says what happened, not which internal fields moved. */
export const PORTAL_ACTIVITY_FIELDS = assertClientSafe(UID.activity, [
  'id',
  'occurredAt',
  'actorType',
  'actorLabel',
  'verb',
  'subjectType',
  'subjectLabel',
]);

export const PORTAL_ACTIVITY_POPULATE = {
  actorStaff: { select: ['id', 'firstname', 'lastname'] },
  actorContact: { select: ['id', 'username'] },
};

/**
 * Who acted, as the client should read it: staff and contacts by name, and whatever the server
 * did on its own as the firm (the stored label says "System", which means nothing to a client).
 */
const actorLabel = (row: Row, contactNames: ContactNames, firmName: string) => {
  if (row.actorType === 'staff') return staffDisplayName(relation(row, 'actorStaff')) || firmName;
  if (row.actorType === 'contact') {
    const contact = relation(row, 'actorContact');
    return (contact && (contactNames.get(Number(contact.id)) || text(contact.username))) || text(row.actorLabel);
  }
  return firmName;
};

export const serializePortalActivity = (row: Row, contactNames: ContactNames, firmName: string): PortalActivity => ({
  occurredAt: isoDateTime(row.occurredAt) ?? '',
  actorLabel: actorLabel(row, contactNames, firmName),
  verb: text(row.verb),
  subjectType: text(row.subjectType),
  subjectLabel: text(row.subjectLabel),
});
