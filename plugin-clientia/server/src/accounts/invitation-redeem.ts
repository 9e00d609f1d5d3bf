import type { Core } from '@strapi/strapi';

import type { InvitationSummary } from '../../../shared/contracts/portal-invitations';
import { fieldError } from '../domain/errors';
import { recordActivity } from '../audit/activity';
import { UID } from '../constants';
import { records } from '../repositories/records';
import { hashInviteToken } from './invitations';
import { bool, isoDateTime, text, type Row } from '../repositories/rows';

/** What a token leads to: an open invitation, nothing (unknown, used or withdrawn), or one too old. */
type InvitationLookup =
  | { state: 'open'; invitation: InvitationSummary; membership: { id: number; documentId: string }; user: { id: number }; clientId: number }
  | { state: 'unknown' }
  | { state: 'expired' };

interface UpdateManyQuery {
  updateMany(params: { where: Record<string, unknown>; data: Record<string, unknown> }): Promise<{ count: number }>;
}

/**
 * The membership whose stored hash matches the token. A blocked account's invitation, or a
 * deactivated contact's, is as good as none: the firm has shut that person out, and the answer
 * must not say so to whoever holds the link.
 */
export const lookupInvitation = async (strapi: Core.Strapi, token: string, now = new Date()): Promise<InvitationLookup> => {
  const row = await records(strapi, UID.membership).findOne({
    select: ['id', 'documentId', 'name', 'inviteExpiresAt', 'deactivatedAt'],
    where: { inviteTokenHash: hashInviteToken(token) },
    populate: { client: { select: ['id', 'name'] }, user: { select: ['id', 'email', 'blocked'] } },
  });
  const user = row?.user as Row | null | undefined;
  const client = row?.client as Row | null | undefined;
  // Deactivating a contact withdraws their invitation too (the staff panel also clears the link).
  if (!row || !user || !client || bool(user.blocked) || row.deactivatedAt) return { state: 'unknown' };

  const expiresAt = isoDateTime(row.inviteExpiresAt);
  // No expiry recorded is treated as expired: a link must never stay good for ever.
  if (!expiresAt || Date.parse(expiresAt) <= now.getTime()) return { state: 'expired' };

  // Someone who already signed in for another client has a password of their own.
  const accepted = await records(strapi, UID.membership).count({
    where: { user: { id: user.id }, id: { $ne: row.id }, acceptedAt: { $notNull: true } },
  });
  return {
    state: 'open',
    invitation: {
      email: text(user.email),
      name: text(row.name),
      clientName: text(client.name),
      expiresAt,
      existingAccount: Number(accepted) > 0,
    },
    membership: { id: Number(row.id), documentId: String(row.documentId) },
    user: { id: Number(user.id) },
    clientId: Number(client.id),
  };
};

/**
 * Accepts the invitation: the contact's password (for a new account), the account confirmed, the
 * membership accepted and the link spent, and an activity entry — all in one transaction, so a
 * failure leaves the link usable and nothing half done.
 */
export const acceptInvitation = async (
  strapi: Core.Strapi,
  token: string,
  password: string | undefined
): Promise<{ state: 'accepted'; email: string } | { state: 'unknown' | 'expired' }> =>
  strapi.db.transaction(async () => {
    const found = await lookupInvitation(strapi, token);
    if (found.state !== 'open') return { state: found.state };
    const { invitation, membership, user } = found;
    if (invitation.existingAccount && password !== undefined) {
      throw fieldError('password', 'this account already has a password: accept without one, then sign in with the password you use');
    }
    if (!invitation.existingAccount && password === undefined) throw fieldError('password', 'is required: choose the password for your new account');

    // Spend the link first, on the condition that it is still there: of two simultaneous accepts,
    // exactly one clears it and goes on; the other finds nothing to clear.
    const claimed = await (strapi.db.query(UID.membership as never) as unknown as UpdateManyQuery).updateMany({
      where: { id: membership.id, inviteTokenHash: hashInviteToken(token) },
      data: { inviteTokenHash: null, acceptedAt: new Date() },
    });
    if (claimed.count !== 1) return { state: 'unknown' as const };

    // Through users-permissions' own user service, which stores the password as a bcrypt hash.
    await strapi
      .plugin('users-permissions')
      .service('user')
      .edit(user.id, password === undefined ? { confirmed: true } : { confirmed: true, password });
    await recordActivity(strapi, {
      actor: { type: 'contact', id: user.id, label: invitation.name || invitation.email },
      verb: 'accepted',
      subjectType: 'membership',
      subjectId: membership.documentId,
      subjectLabel: `Invitation to ${invitation.clientName}`,
      clientId: found.clientId,
      changes: ['acceptedAt'],
      visibleToClient: false,
    });
    return { state: 'accepted' as const, email: invitation.email };
  });
