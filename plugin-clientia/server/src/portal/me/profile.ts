import type { Core } from '@strapi/strapi';

import type { Me } from '../../../../shared/contracts/portal';
import { UID } from '../../constants';
import { documents, records } from '../../repositories/records';
import type { PortalContext } from '../context';

/** GET /me's answer; the name is the contact's on their active membership, else their username. */
export const meOf = (portal: PortalContext, name = portal.membership.name): Me => ({
  user: { id: portal.user.id, email: portal.user.email, name: name || portal.user.username },
  memberships: portal.memberships.map((m) => ({ documentId: m.client.documentId, name: m.client.name, role: m.role, signatory: m.signatory })),
  activeClient: {
    documentId: portal.client.documentId,
    name: portal.client.name,
    currency: portal.client.currency,
    locale: portal.client.preferredLocale,
    timezone: portal.client.timezone,
  },
  role: portal.membership.role,
  signatory: portal.membership.signatory,
  capabilities: [...portal.capabilities].sort(),
});

/**
 * The name is stored per membership (staff type it when inviting), but it is one person's name:
 * it changes on every membership of the caller at once, through the Document Service so each
 * change is checked and logged as theirs, in one transaction.
 */
export const renameContact = async (strapi: Core.Strapi, portal: PortalContext, name: string) => {
  const rows = await records(strapi, UID.membership).findMany({ select: ['id', 'documentId', 'name'], where: { user: { id: portal.user.id } } });
  const stale = rows.filter((row) => row.name !== name);
  if (!stale.length) return;
  await strapi.db.transaction(async () => {
    for (const row of stale) await documents(strapi, UID.membership).update({ documentId: String(row.documentId), data: { name } });
  });
};
