import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { Contact, UpdateContactRequest } from '../../../shared/contracts/admin-records';
import { UID } from '../constants';
import { CONTACT_USER_FIELDS, MEMBERSHIP_FIELDS, serializeContact } from '../serializers/membership';
import { text } from '../repositories/rows';
import { documents, records } from '../repositories/records';
import { isActiveOwner, otherActiveOwners } from '../repositories/memberships';
import { fieldError } from '../domain/errors';

const findClient = async (strapi: Core.Strapi, documentId: string) => {
  const client = await records(strapi, UID.client).findOne({ select: ['id'], where: { documentId } });
  if (!client) throw new errors.NotFoundError('No client has this documentId');
  return client;
};

/** The membership of this client; another client's membership is as unknown as a missing one. */
const findMembership = async (strapi: Core.Strapi, clientId: unknown, membershipId: string) => {
  const membership = await records(strapi, UID.membership).findOne({
    select: [...MEMBERSHIP_FIELDS],
    where: { documentId: membershipId, client: { id: clientId } },
    populate: { user: { select: [...CONTACT_USER_FIELDS] } },
  });
  if (!membership) throw new errors.NotFoundError('No contact of this client has this id');
  return membership;
};

/**
 * Changes a contact's name at this client, portal role, signatory flag, or whether they may use
 * the portal for this client at all. The portal reads the role and the membership on every
 * request, so a new role's rights, and a deactivation, apply from the contact's next request.
 * Deactivating also withdraws an invitation not yet accepted: its link stops working.
 */
export const updateContact = async (strapi: Core.Strapi, clientDocumentId: string, membershipId: string, request: UpdateContactRequest): Promise<Contact> => {
  const client = await findClient(strapi, clientDocumentId);
  const membership = await findMembership(strapi, client.id, membershipId);
  const { active, ...fields } = request;
  const data: Record<string, unknown> = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const deactivating = active === false && !membership.deactivatedAt;
  if (deactivating) data.deactivatedAt = new Date();
  if (active === true && membership.deactivatedAt) data.deactivatedAt = null;
  // Named by this API's own fields; the membership rule refuses the same for every other writer.
  if (isActiveOwner(membership) && (deactivating || (data.role !== undefined && data.role !== 'owner'))) {
    if ((await otherActiveOwners(strapi, Number(client.id), Number(membership.id))) === 0) {
      throw fieldError(deactivating ? 'active' : 'role', 'this is the client’s last active owner: make another contact owner first');
    }
  }

  await strapi.db.transaction(async () => {
    if (Object.keys(data).length > 0) await documents(strapi, UID.membership).update({ documentId: text(membership.documentId), data });
    // The link's hash is server-owned (the rules drop it from any caller's data): cleared directly, in the same transaction.
    if (deactivating && membership.inviteTokenHash) {
      await records(strapi, UID.membership).update({ where: { id: membership.id }, data: { inviteTokenHash: null } });
    }
  });
  return serializeContact(await findMembership(strapi, client.id, membershipId));
};
