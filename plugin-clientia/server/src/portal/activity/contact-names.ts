import type { Core } from '@strapi/strapi';
import { UID } from '../../constants';
import type { ContactNames } from '../../serializers/portal/message';
import { linkedTo, records } from '../../repositories/records';
import type { Row } from '../../repositories/rows';

/** Contacts' names on their memberships of this client, by user id: one query for all of them. */
export const contactNamesIn = async (strapi: Core.Strapi, clientId: number, userIds: number[]): Promise<ContactNames> => {
  const wanted = [...new Set(userIds.filter((id) => Number.isInteger(id) && id > 0))];
  if (!wanted.length) return new Map();
  const memberships = await records(strapi, UID.membership).findMany({
    select: ['id', 'name'],
    where: { ...linkedTo(strapi, UID.membership, 'user', wanted), client: { id: clientId } },
    populate: { user: { select: ['id'] } },
  });
  return new Map(
    memberships
      .filter((m: Row) => typeof m.name === 'string' && m.name.trim() && (m.user as Row | null)?.id)
      .map((m: Row) => [Number((m.user as Row).id), String(m.name)] as [number, string])
  );
};
