import type { Core } from '@strapi/strapi';

import type { DOCUMENT_SORTS, ListDocumentsResponse, PortalFolder } from '../../../../shared/contracts/portal-documents';
import type { ListQuery } from '../../../../shared/contracts/portal';
import { UID } from '../../constants';
import { folderOf, PORTAL_DOCUMENT_FIELDS, serializePortalDocument } from '../../serializers/portal/document';
import { text, wholeNumber, type Row } from '../../repositories/rows';
import { linkedTo, records } from '../../repositories/records';
import type { PortalContext } from '../context';
import { paginationMeta } from '../../serializers/pagination';
import { UPLOADER_POPULATE, uploaderNames } from './uploaders';

/** What the client may see: documents shared with it, never internal ones nor those the firm archived. */
export const sharedWith = (strapi: Core.Strapi, portal: PortalContext) => ({
  ...linkedTo(strapi, UID.document, 'client', portal.client.id),
  visibility: 'shared',
  archivedAt: { $null: true },
});

/** The newest version of each version group (a document without a group stands alone). */
const latestVersions = (rows: Row[]) => {
  const latest = new Map<string, Row>();
  for (const row of rows) {
    const group = text(row.versionGroup) || `#${String(row.id)}`;
    const current = latest.get(group);
    const newer =
      !current ||
      wholeNumber(row.version) > wholeNumber(current.version) ||
      (wholeNumber(row.version) === wholeNumber(current.version) && Number(row.id) > Number(current.id));
    if (newer) latest.set(group, row);
  }
  return [...latest.values()];
};

const time = (row: Row) => new Date(row.updatedAt as string).getTime() || 0;

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * The client's shared documents, latest version of each, with the folders and their counts.
 * Picking the latest version needs every version's group and number, so the (narrow) index of
 * the client's documents is read once and the page is fetched by id: three queries in all.
 */
export const listDocuments = async (
  strapi: Core.Strapi,
  portal: PortalContext,
  { page, pageSize, sort, folder }: ListQuery<(typeof DOCUMENT_SORTS)[number]> & { folder?: string }
): Promise<ListDocumentsResponse> => {

  const index = await records(strapi, UID.document).findMany({
    select: ['id', 'versionGroup', 'version', 'folder', 'title', 'updatedAt'],
    where: sharedWith(strapi, portal),
  });
  const latest = latestVersions(index);

  const counts = new Map<string, number>();
  for (const row of latest) counts.set(folderOf(row), (counts.get(folderOf(row)) ?? 0) + 1);
  const folders: PortalFolder[] = [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => collator.compare(a.name, b.name));

  const sign = sort.direction === 'asc' ? 1 : -1;
  const listed = latest
    .filter((row) => !folder || folderOf(row) === folder)
    .sort((a, b) => sign * (sort.field === 'title' ? collator.compare(text(a.title), text(b.title)) : time(a) - time(b)) || Number(a.id) - Number(b.id));
  const pageIds = listed.slice((page - 1) * pageSize, page * pageSize).map((row) => Number(row.id));

  const rows = pageIds.length
    ? await records(strapi, UID.document).findMany({ select: [...PORTAL_DOCUMENT_FIELDS], where: { id: { $in: pageIds } }, populate: UPLOADER_POPULATE })
    : [];
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  const ordered = pageIds.map((id) => byId.get(id)).filter((row): row is Row => row !== undefined);
  const uploaders = await uploaderNames(strapi, portal, ordered);

  return {
    data: ordered.map((row) => serializePortalDocument(row, uploaders.get(Number(row.id))!)),
    meta: { ...paginationMeta(page, pageSize, listed.length), folders },
  };
};
