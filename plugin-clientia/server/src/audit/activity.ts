import type { Core } from '@strapi/strapi';

import type { Actor } from './actor';
import { UID } from '../constants';

interface ActivityInput {
  actor: Actor;
  verb: string;
  subjectType: string;
  subjectId: string | null;
  subjectLabel: string;
  clientId: number | null;
  changes?: string[];
  visibleToClient: boolean;
}

/**
 * Appends an activity entry. It goes through the query engine, in the caller's transaction, so
 * the entry exists exactly when the change it describes does.
 */
export const recordActivity = async (strapi: Core.Strapi, input: ActivityInput) => {
  const { actor } = input;
  await strapi.db.query(UID.activity as never).create({
    data: {
      client: input.clientId,
      actorType: actor.type,
      actorStaff: actor.type === 'staff' ? actor.id : null,
      actorContact: actor.type === 'contact' ? actor.id : null,
      actorLabel: actor.label.slice(0, 300),
      verb: input.verb,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      subjectLabel: input.subjectLabel.slice(0, 300),
      changes: input.changes?.length ? { fields: input.changes } : null,
      visibleToClient: input.visibleToClient,
      occurredAt: new Date(),
    },
  });
};
