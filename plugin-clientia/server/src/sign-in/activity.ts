import type { Core } from '@strapi/strapi';

import type { Actor } from '../audit/actor';
import { UID } from '../constants';
import { records } from '../repositories/records';
import type { Row } from '../repositories/rows';

/** What happened to a contact's sign-in, as the activity log names it. */
type SignInVerb =
  | 'signed-in'
  | 'sign-in-failed'
  | 'sign-in-link-sent'
  | 'two-factor-enabled'
  | 'two-factor-disabled'
  | 'two-factor-reset'
  | 'recovery-codes-renewed'
  | 'passkey-added'
  | 'passkey-removed'
  | 'session-ended'
  | 'password-changed';

/** Staff-only facts of the event; kept in the entry's `changes`, which no portal response carries. */
interface SignInEventDetails {
  method?: string | null;
  secondFactor?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  reason?: string | null;
  [key: string]: unknown;
}

const actorLabel = (user: Row | null, memberships: Row[]) => {
  const named = memberships.map((row) => (typeof row.name === 'string' ? row.name.trim() : '')).find(Boolean);
  return named || (typeof user?.email === 'string' ? user.email : '') || 'Contact';
};

/**
 * One activity entry per portal client of the contact, so each client's staff see it in that
 * client's log. Never shown to the client, and nothing for an address without a client: a failed
 * sign-in for an unknown address has no one to tell.
 */
export const recordSignInEvent = async (
  strapi: Core.Strapi,
  input: { userId: number; verb: SignInVerb; actor?: Actor; details: SignInEventDetails }
): Promise<void> => {
  const memberships = await records(strapi, UID.membership).findMany({
    select: ['id', 'name'],
    where: { user: { id: input.userId } },
    populate: { client: { select: ['id', 'portalEnabled'] }, user: { select: ['id', 'documentId', 'email'] } },
    orderBy: { id: 'asc' },
  });
  const clientIds = [
    ...new Set(
      memberships
        .map((row) => row.client as Row | null)
        .filter((client): client is Row => Boolean(client && client.portalEnabled))
        .map((client) => Number(client.id))
    ),
  ];
  if (clientIds.length === 0) return;
  const user = (memberships[0]?.user as Row | null) ?? null;
  const actor: Actor = input.actor ?? { type: 'contact', id: input.userId, label: actorLabel(user, memberships) };
  const details = Object.fromEntries(Object.entries(input.details).filter(([, value]) => value !== undefined));
  const occurredAt = new Date();
  for (const clientId of clientIds) {
    await strapi.db.query(UID.activity as never).create({
      data: {
        client: clientId,
        actorType: actor.type,
        actorStaff: actor.type === 'staff' ? actor.id : null,
        actorContact: actor.type === 'contact' ? actor.id : null,
        actorLabel: actor.label.slice(0, 300),
        verb: input.verb,
        subjectType: 'account',
        subjectId: typeof user?.documentId === 'string' ? user.documentId : null,
        subjectLabel: (typeof user?.email === 'string' ? user.email : actorLabel(user, memberships)).slice(0, 300),
        changes: details,
        visibleToClient: false,
        occurredAt,
      } as never,
    });
  }
};
