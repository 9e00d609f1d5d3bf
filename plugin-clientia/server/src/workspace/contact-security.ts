import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { ClientSignInSecurity, ContactSignInSecurity } from '../../../shared/contracts/admin-sign-in';
import { recordActivity } from '../audit/activity';
import type { Actor } from '../audit/actor';
import { UID } from '../constants';
import { recordSignInEvent } from '../sign-in/activity';
import { endSessions } from '../sign-in/sessions';
import { signInSettings } from '../sign-in/settings';
import { bool, isoDateTime, relation, text, type Row } from '../repositories/rows';
import { CLIENT_SECTION_LIMIT } from './clients';
import { documents, groupByRelation, linkedTo, records } from '../repositories/records';

const TWO_FACTOR_RESET = 'two-factor-reset';

interface Facts {
  twoFactor: Map<number, string | null>;
  passkeys: Map<number, number>;
  sessions: Map<number, number>;
}

const hasType = (strapi: Core.Strapi, uid: string) => Boolean((strapi.contentTypes as Record<string, unknown>)[uid]);

const countPerUser = (rows: Row[]) => new Map([...groupByRelation(rows, 'user')].map(([userId, list]) => [userId, list.length]));

const findClient = async (strapi: Core.Strapi, documentId: string) => {
  const client = await records(strapi, UID.client).findOne({
    select: ['id', 'documentId', 'requireTwoFactor', 'portalEnabled'],
    where: { documentId },
  });
  if (!client) throw new errors.NotFoundError('No client has this documentId');
  return client;
};

const findContact = async (strapi: Core.Strapi, client: Row, membershipId: string) => {
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
const factsOf = async (strapi: Core.Strapi, userIds: number[]): Promise<Facts> => {
  if (userIds.length === 0) return { twoFactor: new Map(), passkeys: new Map(), sessions: new Map() };
  const ofUsers = (uid: string) => linkedTo(strapi, uid, 'user', userIds);
  const byUser = { user: { select: ['id'] } };
  const [enrolled, passkeys, sessions] = await Promise.all([
    records(strapi, UID.twoFactor).findMany({
      select: ['id', 'confirmedAt'],
      where: { ...ofUsers(UID.twoFactor), confirmedAt: { $notNull: true } },
      populate: byUser,
    }),
    // Passkeys come with their own content type; a plugin build without it has none to count.
    hasType(strapi, UID.passkey) ? records(strapi, UID.passkey).findMany({ select: ['id'], where: ofUsers(UID.passkey), populate: byUser }) : [],
    records(strapi, UID.signInSession).findMany({
      select: ['id'],
      where: { ...ofUsers(UID.signInSession), endedAt: { $null: true }, expiresAt: { $gt: new Date() } },
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

const overviewOf = async (strapi: Core.Strapi, client: Row): Promise<ClientSignInSecurity> => {
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
  const facts = await factsOf(strapi, [...new Set(memberships.map(userOf).filter((id): id is number => id !== null))]);
  return {
    requireTwoFactor: bool(client.requireTwoFactor),
    portalRequiresTwoFactor: (await signInSettings(strapi)).requireTwoFactor,
    contacts: memberships.map((row) => securityOf(text(row.documentId), userOf(row), facts)),
  };
};

export const clientSignInSecurity = async (strapi: Core.Strapi, clientDocumentId: string): Promise<ClientSignInSecurity> => {
  return overviewOf(strapi, await findClient(strapi, clientDocumentId));
};

/** Through the Document Service, so the change is checked and logged like any other edit of the client. */
export const setClientRequiresTwoFactor = async (strapi: Core.Strapi, clientDocumentId: string, requireTwoFactor: boolean): Promise<ClientSignInSecurity> => {
  const client = await findClient(strapi, clientDocumentId);
  await documents(strapi, UID.client).update({ documentId: text(client.documentId), data: { requireTwoFactor } });
  return overviewOf(strapi, await findClient(strapi, clientDocumentId));
};

/**
 * For a contact who lost their authenticator: the app and the recovery codes go, and every
 * portal session of the account ends, so whoever holds the old device or a copied cookie is
 * out. The contact signs in again and, where two-factor is required, enrols afresh.
 */
export const resetContactTwoFactor = async (strapi: Core.Strapi, clientDocumentId: string, membershipId: string, actor: Actor) => {
  const client = await findClient(strapi, clientDocumentId);
  const contact = await findContact(strapi, client, membershipId);
  const sessionsEnded = await strapi.db.transaction(async () => {
    const rows = await records(strapi, UID.twoFactor).findMany({ select: ['id'], where: linkedTo(strapi, UID.twoFactor, 'user', contact.userId) });
    for (const row of rows) await strapi.db.query(UID.twoFactor as never).delete({ where: { id: row.id } });
    const ended = await endSessions(strapi, contact.userId, { reason: TWO_FACTOR_RESET });
    // A code asked for before the reset would be checked against an app that no longer exists.
    if (hasType(strapi, UID.signInChallenge)) {
      await strapi.db.query(UID.signInChallenge as never).updateMany({
        where: { ...linkedTo(strapi, UID.signInChallenge, 'user', contact.userId), consumedAt: { $null: true } },
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
  const facts = await factsOf(strapi, [contact.userId]);
  return { contact: securityOf(text(contact.membership.documentId), contact.userId, facts), sessionsEnded };
};
