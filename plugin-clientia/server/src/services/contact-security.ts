import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { ClientSignInSecurity, ContactSignInSecurity } from '../../../shared/contracts/admin-sign-in';
import { recordActivity } from '../rules/activity';
import type { Actor } from '../rules/context';
import { UID } from '../rules/helpers';
import { recordSignInEvent } from '../sign-in/activity';
import { endSessions } from '../sign-in/sessions';
import { signInSettings } from '../sign-in/settings';
import { bool, isoDateTime, relation, text, type Row } from '../serializers/values';
import { CLIENT_SECTION_LIMIT } from './clients';
import { documents, groupByRelation, linkedTo, records } from './records';

const TWO_FACTOR = 'plugin::clientia.two-factor';
const PASSKEY = 'plugin::clientia.passkey';
const SESSION = 'plugin::clientia.portal-session';
const CHALLENGE = 'plugin::clientia.sign-in-challenge';

const TWO_FACTOR_RESET = 'two-factor-reset';

interface Facts {
  twoFactor: Map<number, string | null>;
  passkeys: Map<number, number>;
  sessions: Map<number, number>;
}

const hasType = (strapi: Core.Strapi, uid: string) => Boolean((strapi.contentTypes as Record<string, unknown>)[uid]);

const countPerUser = (rows: Row[]) => new Map([...groupByRelation(rows, 'user')].map(([userId, list]) => [userId, list.length]));

const contactSecurity = ({ strapi }: { strapi: Core.Strapi }) => {
  const findClient = async (documentId: string) => {
    const client = await records(strapi, UID.client).findOne({
      select: ['id', 'documentId', 'requireTwoFactor', 'portalEnabled'],
      where: { documentId },
    });
    if (!client) throw new errors.NotFoundError('No client has this documentId');
    return client;
  };

  const findContact = async (client: Row, membershipId: string) => {
    const membership = await records(strapi, UID.membership).findOne({
      select: ['id', 'documentId'],
      where: { documentId: membershipId, ...linkedTo(strapi, UID.membership, 'client', Number(client.id)) },
      populate: { user: { select: ['id', 'documentId', 'username', 'email'] } },
    });
    const user = membership ? relation(membership, 'user') : null;
    if (!membership || !user?.id) throw new errors.NotFoundError('No contact of this client has this id');
    return { membership, user, userId: Number(user.id) };
  };

  /** Two-factor, passkeys and live sessions of these accounts: one query each, however many contacts. */
  const factsOf = async (userIds: number[]): Promise<Facts> => {
    if (userIds.length === 0) return { twoFactor: new Map(), passkeys: new Map(), sessions: new Map() };
    const ofUsers = (uid: string) => linkedTo(strapi, uid, 'user', userIds);
    const byUser = { user: { select: ['id'] } };
    const [enrolled, passkeys, sessions] = await Promise.all([
      records(strapi, TWO_FACTOR).findMany({
        select: ['id', 'confirmedAt'],
        where: { ...ofUsers(TWO_FACTOR), confirmedAt: { $notNull: true } },
        populate: byUser,
      }),
      // Passkeys come with their own content type; a plugin build without it has none to count.
      hasType(strapi, PASSKEY) ? records(strapi, PASSKEY).findMany({ select: ['id'], where: ofUsers(PASSKEY), populate: byUser }) : [],
      records(strapi, SESSION).findMany({
        select: ['id'],
        where: { ...ofUsers(SESSION), endedAt: { $null: true }, expiresAt: { $gt: new Date() } },
        populate: byUser,
      }),
    ]);
    const twoFactor = new Map<number, string | null>();
    for (const [userId, rows] of groupByRelation(enrolled, 'user')) twoFactor.set(userId, isoDateTime(rows[0].confirmedAt));
    return { twoFactor, passkeys: countPerUser(passkeys), sessions: countPerUser(sessions) };
  };

  const securityOf = (membershipId: string, userId: number | null, facts: Facts): ContactSignInSecurity => {
    const enabled = userId !== null && facts.twoFactor.has(userId);
    return {
      membershipId,
      twoFactor: { enabled, enabledAt: enabled ? (facts.twoFactor.get(userId!) ?? null) : null },
      passkeys: userId === null ? 0 : (facts.passkeys.get(userId) ?? 0),
      activeSessions: userId === null ? 0 : (facts.sessions.get(userId) ?? 0),
    };
  };

  const overviewOf = async (client: Row): Promise<ClientSignInSecurity> => {
    const memberships = await records(strapi, UID.membership).findMany({
      select: ['id', 'documentId'],
      where: linkedTo(strapi, UID.membership, 'client', Number(client.id)),
      populate: { user: { select: ['id'] } },
      // The same contacts, in the same order, as the client overview lists.
      orderBy: [{ id: 'asc' }],
      limit: CLIENT_SECTION_LIMIT,
    });
    const userOf = (row: Row) => {
      const id = relation(row, 'user')?.id;
      return id ? Number(id) : null;
    };
    const facts = await factsOf([...new Set(memberships.map(userOf).filter((id): id is number => id !== null))]);
    return {
      requireTwoFactor: bool(client.requireTwoFactor),
      portalRequiresTwoFactor: (await signInSettings(strapi)).requireTwoFactor,
      contacts: memberships.map((row) => securityOf(text(row.documentId), userOf(row), facts)),
    };
  };

  return {
    async overview(clientDocumentId: string): Promise<ClientSignInSecurity> {
      return overviewOf(await findClient(clientDocumentId));
    },

    /** Through the Document Service, so the change is checked and logged like any other edit of the client. */
    async setRequireTwoFactor(clientDocumentId: string, requireTwoFactor: boolean): Promise<ClientSignInSecurity> {
      const client = await findClient(clientDocumentId);
      await documents(strapi, UID.client).update({ documentId: text(client.documentId), data: { requireTwoFactor } });
      return overviewOf(await findClient(clientDocumentId));
    },

    /**
     * For a contact who lost their authenticator: the app and the recovery codes go, and every
     * portal session of the account ends, so whoever holds the old device or a copied cookie is
     * out. The contact signs in again and, where two-factor is required, enrols afresh.
     */
    async resetTwoFactor(clientDocumentId: string, membershipId: string, actor: Actor) {
      const client = await findClient(clientDocumentId);
      const contact = await findContact(client, membershipId);
      const sessionsEnded = await strapi.db.transaction(async () => {
        const rows = await records(strapi, TWO_FACTOR).findMany({ select: ['id'], where: linkedTo(strapi, TWO_FACTOR, 'user', contact.userId) });
        for (const row of rows) await strapi.db.query(TWO_FACTOR as never).delete({ where: { id: row.id } });
        const ended = await endSessions(strapi, contact.userId, { reason: TWO_FACTOR_RESET });
        // A code asked for before the reset would be checked against an app that no longer exists.
        if (hasType(strapi, CHALLENGE)) {
          await strapi.db.query(CHALLENGE as never).updateMany({
            where: { ...linkedTo(strapi, CHALLENGE, 'user', contact.userId), consumedAt: { $null: true } },
            data: { consumedAt: new Date() },
          });
        }
        const details = { reason: TWO_FACTOR_RESET, removedTwoFactor: rows.length > 0, sessionsEnded: ended };
        await recordSignInEvent(strapi, { userId: contact.userId, verb: TWO_FACTOR_RESET, actor, details });
        // The sign-in log covers the contact's portal clients; a reset made from any other client's page is logged there too.
        if (!bool(client.portalEnabled)) {
          await recordActivity(strapi, {
            actor,
            verb: TWO_FACTOR_RESET,
            subjectType: 'account',
            subjectId: text(contact.user.documentId) || null,
            subjectLabel: text(contact.user.email),
            clientId: Number(client.id),
            visibleToClient: false,
          });
        }
        return ended;
      });
      const facts = await factsOf([contact.userId]);
      return { contact: securityOf(text(contact.membership.documentId), contact.userId, facts), sessionsEnded };
    },
  };
};

export default contactSecurity;
