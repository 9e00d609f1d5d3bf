import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { PortalPreferences, UpdatePreferencesRequest } from '../../../../shared/contracts/portal-preferences';
import { UID } from '../../constants';
import { notificationsOf, PORTAL_PREFERENCES_FIELDS, serializePortalPreferences } from '../../serializers/portal/preferences';
import { documents, records } from '../../repositories/records';
import { firmDefaults } from '../activity/firm';
import type { PortalContext } from '../context';

/** The caller's membership of the active client: preferences are per client, never shared. */
const ownMembership = async (strapi: Core.Strapi, portal: PortalContext) => {
  const row = await records(strapi, UID.membership).findOne({
    select: [...PORTAL_PREFERENCES_FIELDS],
    where: { id: portal.membership.id, client: { id: portal.client.id }, user: { id: portal.user.id } },
  });
  // The portal policy resolved this membership moments ago; gone now means it was just removed.
  if (!row) throw new errors.ForbiddenError('You are no longer a contact of this client');
  return row;
};

/** Until the contact picks a language: the client's, else the firm's default. */
const defaultLanguage = async (strapi: Core.Strapi, portal: PortalContext) =>
  portal.client.preferredLocale || (await firmDefaults(strapi)).defaultLocale;

export const getPreferences = async (strapi: Core.Strapi, portal: PortalContext): Promise<PortalPreferences> => {
  const [membership, language] = await Promise.all([ownMembership(strapi, portal), defaultLanguage(strapi, portal)]);
  return serializePortalPreferences(membership, language);
};

export const updatePreferences = async (
  strapi: Core.Strapi,
  portal: PortalContext,
  update: UpdatePreferencesRequest
): Promise<PortalPreferences> => {
  const membership = await ownMembership(strapi, portal);
  const data: Record<string, unknown> = {};
  if (update.language !== undefined) data.language = update.language;
  if (update.notifications) data.notificationPreferences = { ...notificationsOf(membership.notificationPreferences), ...update.notifications };
  if (Object.keys(data).length) await documents(strapi, UID.membership).update({ documentId: String(membership.documentId), data });
  return getPreferences(strapi, portal);
};
