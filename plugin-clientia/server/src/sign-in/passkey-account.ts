import type { Core } from '@strapi/strapi';
import { STRAPI_UID, UID } from '../constants';
import { records } from '../repositories/records';
import { ACTIVE_MEMBERSHIP } from '../repositories/memberships';

interface PasskeyAccount {
  id: number;
  email: string;
  blocked: boolean;
  /** At least one client with the portal on (and not archived) counts the account as a contact. */
  portalAccess: boolean;
}

/** The account a passkey belongs to, with what decides whether it may sign in to the portal. */
export const passkeyAccount = async (strapi: Core.Strapi, userId: number): Promise<PasskeyAccount | null> => {
  const user = await records(strapi, STRAPI_UID.user).findOne({ where: { id: userId }, select: ['id', 'email', 'blocked'] });
  if (!user) return null;
  const clients = await records(strapi, UID.membership).count({
    where: { user: { id: userId }, ...ACTIVE_MEMBERSHIP, client: { portalEnabled: true, state: { $ne: 'archived' } } },
  });
  return { id: Number(user.id), email: String(user.email ?? ''), blocked: Boolean(user.blocked), portalAccess: clients > 0 };
};
