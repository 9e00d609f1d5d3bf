import type { Core } from '@strapi/strapi';

import { UID } from '../constants';

/**
 * A membership the firm has not deactivated. Only these open the portal for their client, sign a
 * contact in, and bring emails: deactivating one takes that client away from the contact on
 * their next request, while their other clients stay as they are.
 */
export const ACTIVE_MEMBERSHIP = { deactivatedAt: { $null: true } } as const;


/** A contact who runs the client's portal: an owner, signed up, not deactivated. */
export const isActiveOwner = (membership: Record<string, unknown> | null) =>
  Boolean(membership && membership.role === 'owner' && membership.acceptedAt && !membership.deactivatedAt);

/** How many of the client's active owners there are besides this membership. */
export const otherActiveOwners = async (strapi: Core.Strapi, clientId: number, membershipId: number): Promise<number> =>
  Number(
    await strapi.db.query(UID.membership as never).count({
      where: { client: { id: clientId }, role: 'owner', acceptedAt: { $notNull: true }, id: { $ne: membershipId }, ...ACTIVE_MEMBERSHIP },
    })
  );
