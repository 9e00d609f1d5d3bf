import type { Core } from '@strapi/strapi';
import { UID } from '../../constants';
import { relation, rowId, textOrNull, type Row } from '../../repositories/rows';
import { linkedTo, records } from '../../repositories/records';
import type { PortalContext } from '../context';

const FIRM = 'firm';
const UNNAMED_CONTACT = 'Client contact';

export const contactName = (membershipName: unknown) => textOrNull(membershipName)?.trim() || UNNAMED_CONTACT;

export const UPLOADER_POPULATE = { uploadedByContact: { select: ['id'] } };

/**
 * Who uploaded each document, as the client may see it: 'firm' for staff, or the contact's name
 * in this client's team (never their email). One query for the whole page.
 */
export const uploaderNames = async (strapi: Core.Strapi, portal: PortalContext, rows: Row[]): Promise<Map<number, string>> => {
  const contactIds = [...new Set(rows.map((row) => rowId(relation(row, 'uploadedByContact'))).filter((id): id is number => id !== null))];
  const memberships = contactIds.length
    ? await records(strapi, UID.membership).findMany({
        select: ['id', 'name'],
        where: { ...linkedTo(strapi, UID.membership, 'user', contactIds), client: { id: portal.client.id } },
        populate: { user: { select: ['id'] } },
      })
    : [];
  const nameOf = new Map(memberships.map((m) => [rowId(relation(m, 'user')), contactName(m.name)]));
  const names = new Map<number, string>();
  for (const row of rows) {
    const contact = rowId(relation(row, 'uploadedByContact'));
    names.set(Number(row.id), contact === null ? FIRM : (nameOf.get(contact) ?? UNNAMED_CONTACT));
  }
  return names;
};
