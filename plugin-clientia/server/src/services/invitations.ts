import { createHash, randomBytes } from 'node:crypto';

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { InviteContactResponse, PortalRole } from '../../../shared/contracts/admin';
import { fieldError } from '../domain/errors';
import { UID } from '../rules/helpers';
import { pluginConfig } from '../rules/settings';
import { text, type Row } from '../serializers/values';
import { queueEmail } from '../email';
import { documents, records } from './records';

const USER_UID = 'plugin::users-permissions.user';
const ROLE_UID = 'plugin::users-permissions.role';

export interface Invitation {
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

const invitations = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The username base, with a number added when another account already has it. */
  const freeUsername = async (email: string) => {
    const base = usernameBase(email);
    const taken = new Set(
      (await records(strapi, USER_UID).findMany({ select: ['username'], where: { username: { $startsWithi: base } } })).map((u) =>
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
  const accountFor = async (email: string): Promise<Row> => {
    const existing = await records(strapi, USER_UID).findOne({ select: ['id', 'documentId', 'email'], where: { email: { $eqi: email } } });
    if (existing) return existing;
    const role = await records(strapi, ROLE_UID).findOne({ select: ['id'], where: { type: 'client-contact' } });
    if (!role) throw new errors.ApplicationError('The Client contact role is missing');
    return documents(strapi, USER_UID).create({
      data: {
        username: await freeUsername(email),
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
  const staffName = async (id: number) => {
    const staff = await records(strapi, 'admin::user').findOne({ select: ['firstname', 'lastname'], where: { id } });
    return [text(staff?.firstname), text(staff?.lastname)].filter(Boolean).join(' ') || null;
  };

  return {
    async invite(clientDocumentId: string, invitation: Invitation, invitedBy: number): Promise<InviteContactResponse['data']> {
      const client = await records(strapi, UID.client).findOne({ select: ['id', 'documentId', 'name', 'preferredLocale'], where: { documentId: clientDocumentId } });
      if (!client) throw new errors.NotFoundError('No client has this documentId');

      const token = randomBytes(32).toString('base64url');
      const portalUrl = pluginConfig(strapi, 'portalUrl').replace(/\/+$/, '');
      const expiresAt = new Date(Date.now() + pluginConfig(strapi, 'invitationTtlHours') * 3_600_000);

      // One transaction: a refused membership leaves no orphan account and no half-made invite.
      const membership = await strapi.db.transaction(async () => {
        const user = await accountFor(invitation.email);
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
        // The token fields are server-owned: the rules drop them from any caller's data, so they
        // are set here directly, inside the same transaction.
        await records(strapi, UID.membership).update({
          where: { id: created.id },
          data: { inviteTokenHash: hashInviteToken(token), inviteExpiresAt: expiresAt },
        });
        // Queued with the membership: a refused invite sends nothing, an accepted one always goes.
        await queueEmail(strapi, {
          kind: 'invitation',
          to: { email: invitation.email, name: invitation.name, locale: text(client.preferredLocale) || pluginConfig(strapi, 'defaultLocale') },
          vars: { clientName: text(client.name), inviteUrl: `${portalUrl}/invite/${token}`, expiresAt, invitedBy: await staffName(invitedBy) },
          clientId: Number(client.id),
          dedupeKey: `invitation:${String(created.documentId)}`,
        });
        return created;
      });

      return {
        membershipId: String(membership.documentId),
        email: invitation.email,
        role: invitation.role,
        expiresAt: expiresAt.toISOString(),
        inviteUrl: `${portalUrl}/invite/${token}`,
      };
    },
  };
};

export default invitations;
