import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { records } from '../repositories/records';
import type { Row } from '../repositories/rows';
import { signInSettings } from './settings';
import { ACTIVE_MEMBERSHIP } from '../repositories/memberships';

interface TwoFactorRequirement {
  /** The contact has an authenticator app set up (confirmed by a first code). */
  enabled: boolean;
  enabledAt: Date | null;
  /** Who requires two-factor authentication of this contact, if anyone. */
  requiredBy: 'portal' | 'client' | null;
}

/** A client the contact can use the portal for: the portal is on for it and it is not archived. */
export const isPortalClient = (client: Row | null | undefined): client is Row =>
  Boolean(client && client.portalEnabled && client.state !== 'archived');

/**
 * The contact's two-factor facts: whether they have it, and whether the firm requires it of them,
 * for the whole portal or through any client they can use the portal for.
 */
export const twoFactorRequirement = async (strapi: Core.Strapi, userId: number): Promise<TwoFactorRequirement> => {
  const [row, settings, memberships] = await Promise.all([
    records(strapi, UID.twoFactor).findOne({ select: ['id', 'confirmedAt'], where: { user: { id: userId }, confirmedAt: { $notNull: true } } }),
    signInSettings(strapi),
    records(strapi, UID.membership).findMany({
      select: ['id'],
      where: { user: { id: userId }, ...ACTIVE_MEMBERSHIP },
      populate: { client: { select: ['id', 'portalEnabled', 'state', 'requireTwoFactor'] } },
    }),
  ]);
  const byClient = memberships.some((membership) => {
    const client = membership.client as Row | null;
    return isPortalClient(client) && client.requireTwoFactor === true;
  });
  return {
    enabled: Boolean(row),
    enabledAt: row?.confirmedAt ? new Date(row.confirmedAt as string) : null,
    requiredBy: settings.requireTwoFactor ? 'portal' : byClient ? 'client' : null,
  };
};
