import { createHash, randomBytes } from 'node:crypto';

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { InviteContactResponse, PortalRole } from '../../../shared/contracts/admin';
import { fieldError, refusal } from '../domain/errors';
import { CONTACT_ROLE_TYPE, STRAPI_UID, UID } from '../constants';
import { pluginConfig } from '../config/plugin-config';
import { bool, text, type Row } from '../repositories/rows';
import { queueEmail } from '../email';
import { documents, records } from '../repositories/records';

interface Invitation {
  email: string;
  name: string;
  role: PortalRole;
  signatory: boolean;
}

/** The link's secret: shown once in the invite URL, stored only as its SHA-256. */
export const hashInviteToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The email's local part, made safe; users-permissions wants at least three characters. */
const usernameBase = (email: string) => {
  const local = (email.split('@')[0] ?? '').toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 40);
  if (!local) return 'contact';
  return local.length < 3 ? `${local}-contact` : local;
};

/** The username base, with a number added when another account already has it. */
const freeUsername = async (strapi: Core.Strapi, email: string) => {
  const base = usernameBase(email);
  const taken = new Set(
    (await records(strapi, STRAPI_UID.user).findMany({ select: ['username'], where: { username: { $startsWithi: base } } })).map((u) =>
      String(u.username).toLowerCase()
    )
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
};

/**
 * A portal account for the email: the existing one, or a new confirmed account whose password
 * nobody knows (random, never shown); the contact sets their own when accepting the invite.
 */
const accountFor = async (strapi: Core.Strapi, email: string): Promise<Row> => {
  const existing = await records(strapi, STRAPI_UID.user).findOne({ select: ['id', 'documentId', 'email'], where: { email: { $eqi: email } } });
  if (existing) return existing;
  const role = await records(strapi, STRAPI_UID.role).findOne({ select: ['id'], where: { type: CONTACT_ROLE_TYPE } });
  if (!role) throw new errors.ApplicationError('The Client contact role is missing');
  return documents(strapi, STRAPI_UID.user).create({
    data: {
      username: await freeUsername(strapi, email),
      email,
      password: randomBytes(32).toString('base64url'),
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    },
  });
};

/** How the invitation names who sent it: the staff member's name, else nobody. */
const staffName = async (strapi: Core.Strapi, id: number) => {
  const staff = await records(strapi, 'admin::user').findOne({ select: ['firstname', 'lastname'], where: { id } });
  return [text(staff?.firstname), text(staff?.lastname)].filter(Boolean).join(' ') || null;
};

interface LinkHolder {
  client: Row;
  membership: Row;
  email: string;
  name: string;
  invitedBy: number;
}

/**
 * A fresh invitation link for the membership: its hash replaces whatever link was stored before
 * (so an earlier link stops working), and the email carrying it is queued in the caller's
 * transaction. Each link's email has its own dedupe key, so a resend is really sent.
 */
const issueInviteLink = async (strapi: Core.Strapi, { client, membership, email, name, invitedBy }: LinkHolder) => {
  const token = randomBytes(32).toString('base64url');
  const tokenHash = hashInviteToken(token);
  const portalUrl = pluginConfig(strapi, 'portalUrl').replace(/\/+$/, '');
  const expiresAt = new Date(Date.now() + pluginConfig(strapi, 'invitationTtlHours') * 3_600_000);
  const inviteUrl = `${portalUrl}/invite/${token}`;
  // The token fields are server-owned: the rules drop them from any caller's data, so they are
  // set here directly, inside the caller's transaction.
  await records(strapi, UID.membership).update({ where: { id: membership.id }, data: { inviteTokenHash: tokenHash, inviteExpiresAt: expiresAt } });
  await queueEmail(strapi, {
    kind: 'invitation',
    to: { email, name, locale: text(client.preferredLocale) || pluginConfig(strapi, 'defaultLocale') },
    vars: { clientName: text(client.name), inviteUrl, expiresAt, invitedBy: await staffName(strapi, invitedBy) },
    clientId: Number(client.id),
    dedupeKey: `invitation:${String(membership.documentId)}:${tokenHash.slice(0, 16)}`,
  });
  return { expiresAt, inviteUrl };
};

const findClient = async (strapi: Core.Strapi, clientDocumentId: string) => {
  const client = await records(strapi, UID.client).findOne({ select: ['id', 'documentId', 'name', 'preferredLocale'], where: { documentId: clientDocumentId } });
  if (!client) throw new errors.NotFoundError('No client has this documentId');
  return client;
};

export const inviteContact = async (strapi: Core.Strapi, clientDocumentId: string, invitation: Invitation, invitedBy: number): Promise<InviteContactResponse['data']> => {
  const client = await findClient(strapi, clientDocumentId);

  // One transaction: a refused membership leaves no orphan account and no half-made invite.
  return strapi.db.transaction(async () => {
    const user = await accountFor(strapi, invitation.email);
    const memberships = await records(strapi, UID.membership).count({
      where: { client: { id: client.id }, user: { id: user.id } },
    });
    if (Number(memberships) > 0) throw fieldError('email', 'this person is already a contact of this client');

    const created = await documents(strapi, UID.membership).create({
      data: {
        client: client.documentId,
        user: user.id,
        name: invitation.name,
        role: invitation.role,
        signatory: invitation.signatory,
        invitedAt: new Date(),
        invitedBy,
      },
    });
    // Queued with the membership: a refused invite sends nothing, an accepted one always goes.
    const link = await issueInviteLink(strapi, { client, membership: created, email: invitation.email, name: invitation.name, invitedBy });
    return {
      membershipId: String(created.documentId),
      email: invitation.email,
      role: invitation.role,
      expiresAt: link.expiresAt.toISOString(),
      inviteUrl: link.inviteUrl,
    };
  });
};

/**
 * Sends a contact who has not accepted yet a new invitation link, e.g. when the first one expired
 * or went astray. Only the newest link works: the one sent before answers as unknown from now on.
 * A contact who accepted signs in (or resets their password) instead; a deactivated one must be
 * reactivated first.
 */
export const resendInvitation = async (
  strapi: Core.Strapi,
  clientDocumentId: string,
  membershipId: string,
  invitedBy: number
): Promise<InviteContactResponse['data']> => {
  const client = await findClient(strapi, clientDocumentId);
  return strapi.db.transaction(async () => {
    const membership = await records(strapi, UID.membership).findOne({
      select: ['id', 'documentId', 'name', 'role', 'acceptedAt', 'deactivatedAt'],
      where: { documentId: membershipId, client: { id: client.id } },
      populate: { user: { select: ['id', 'email', 'blocked'] } },
    });
    const user = membership?.user as Row | null | undefined;
    if (!membership || !user) throw new errors.NotFoundError('No contact of this client has this id');
    if (membership.acceptedAt) throw refusal(409, 'This contact has already accepted the invitation; they sign in with their own password, or reset it');
    if (membership.deactivatedAt) throw refusal(409, 'This contact is deactivated; reactivate them before inviting them again');
    if (bool(user.blocked)) throw refusal(409, 'This account is blocked; unblock it before inviting the contact again');

    // Through the Document Service, so the resend is in the client's activity log.
    await documents(strapi, UID.membership).update({ documentId: String(membership.documentId), data: { invitedAt: new Date(), invitedBy } });
    const email = text(user.email);
    const link = await issueInviteLink(strapi, { client, membership, email, name: text(membership.name), invitedBy });
    return {
      membershipId: String(membership.documentId),
      email,
      role: text(membership.role) as PortalRole,
      expiresAt: link.expiresAt.toISOString(),
      inviteUrl: link.inviteUrl,
    };
  });
};
