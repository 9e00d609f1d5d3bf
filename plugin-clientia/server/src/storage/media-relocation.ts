import type { Core } from '@strapi/strapi';

import { STRAPI_UID, UID } from '../constants';
import { text, textOrNull, type Row } from '../repositories/rows';
import { openMediaFile, readAtMost } from './media-files';
import { removePrivateFile, storePrivateFile } from './private-files';

/**
 * Contract and invoice PDFs were once attached through the media library, whose folder Strapi
 * serves to anyone. They now live in the private store only; this moves what an earlier version
 * left there, at each start, so an upgraded install keeps no client file in the public folder.
 * Safe to run again: a link already moved is gone, and an entry that already has a private file
 * keeps it.
 */

/** Where each client record kept its media-library PDF, and the columns that now name its private copy. */
const RELOCATED = [
  { uid: UID.contract, field: 'file', key: 'fileKey', name: 'fileName', size: 'fileSize', hash: 'fileHash' },
  { uid: UID.invoice, field: 'pdf', key: 'pdfKey', name: 'pdfName', size: 'pdfSize', hash: 'pdfHash' },
] as const;

type Relocated = (typeof RELOCATED)[number];

/** Far above any contract or invoice; a larger file is left where it is, with a warning. */
const MAX_RELOCATED_BYTES = 200 * 1024 * 1024;

interface MorphTable {
  name: string;
  file: string;
  related: string;
  type: string;
  field: string;
}

/** The upload plugin's link table, as its metadata names it (`files_related_mph` by default). */
const morphTable = (strapi: Core.Strapi): MorphTable => {
  const related = strapi.db.metadata.get(STRAPI_UID.file).attributes.related as unknown as {
    joinTable?: { name: string; joinColumn: { name: string }; morphColumn: { idColumn: { name: string }; typeColumn: { name: string }; typeField?: string } };
  };
  const joinTable = related.joinTable;
  return {
    name: joinTable?.name ?? 'files_related_mph',
    file: joinTable?.joinColumn.name ?? 'file_id',
    related: joinTable?.morphColumn.idColumn.name ?? 'related_id',
    type: joinTable?.morphColumn.typeColumn.name ?? 'related_type',
    field: joinTable?.morphColumn.typeField ?? 'field',
  };
};

const columnOf = (strapi: Core.Strapi, uid: string, attribute: string) => {
  const meta = strapi.db.metadata.get(uid as never);
  const column = (meta.attributes[attribute] as { columnName?: string } | undefined)?.columnName;
  return { table: meta.tableName, column: column ?? attribute };
};

interface Link {
  fileId: number;
  relatedId: number;
  type: string;
  field: string;
}

const linksOf = async (strapi: Core.Strapi, morph: MorphTable): Promise<Link[]> => {
  const rows = (await strapi.db
    .connection(morph.name)
    .select({ fileId: morph.file, relatedId: morph.related, type: morph.type, field: morph.field })
    .where((q) => {
      for (const target of RELOCATED) q.orWhere((one) => one.where(morph.type, target.uid).andWhere(morph.field, target.field));
    })) as Row[];
  return rows.map((row) => ({ fileId: Number(row.fileId), relatedId: Number(row.relatedId), type: text(row.type), field: text(row.field) }));
};

const dropLink = (strapi: Core.Strapi, morph: MorphTable, link: Link, trx?: Core.Strapi['db']['connection']) =>
  (trx ?? strapi.db.connection)(morph.name).where({ [morph.file]: link.fileId, [morph.related]: link.relatedId, [morph.type]: link.type, [morph.field]: link.field }).delete();

type Outcome = 'moved' | 'unlinked' | 'unreadable';

const relocateOne = async (strapi: Core.Strapi, morph: MorphTable, target: Relocated, link: Link, file: Row | null): Promise<Outcome> => {
  const key = columnOf(strapi, target.uid, target.key);
  const entry = (await strapi.db.connection(key.table).first('id', `${key.column} as key`).where({ id: link.relatedId })) as Row | undefined;
  // A link to a record that no longer exists, or one whose private copy was made before: only the link goes.
  if (!entry || textOrNull(entry.key) || !file) {
    await dropLink(strapi, morph, link);
    return 'unlinked';
  }
  const opened = await openMediaFile(strapi, file);
  const bytes = opened ? await readAtMost(opened.stream, MAX_RELOCATED_BYTES) : null;
  if (!bytes) return 'unreadable';
  const stored = await storePrivateFile(strapi, bytes);
  try {
    const column = (attribute: string) => columnOf(strapi, target.uid, attribute).column;
    const [name, size, hash] = [column(target.name), column(target.size), column(target.hash)] as const;
    await strapi.db.connection.transaction(async (trx) => {
      const current = (await trx(key.table).first(`${hash} as hash`).where({ id: link.relatedId })) as Row | undefined;
      // Written beside the business rules on purpose: the record's document is the same bytes, moved.
      await trx(key.table)
        .where({ id: link.relatedId })
        .update({
          [key.column]: stored.storageKey,
          [name]: (text(file.name) || `${target.field}.pdf`).slice(0, 255),
          [size]: stored.size,
          ...(textOrNull(current?.hash) ? {} : { [hash]: stored.sha256 }),
        });
      await dropLink(strapi, morph, link, trx);
    });
  } catch (error) {
    await removePrivateFile(strapi, stored.storageKey);
    throw error;
  }
  return 'moved';
};

export const relocateClientMedia = async (strapi: Core.Strapi) => {
  const morph = morphTable(strapi);
  const links = await linksOf(strapi, morph);
  if (links.length === 0) return { moved: 0, unlinked: 0, unreadable: 0 };
  const counts: Record<Outcome, number> = { moved: 0, unlinked: 0, unreadable: 0 };
  for (const link of links) {
    const target = RELOCATED.find((one) => one.uid === link.type && one.field === link.field)!;
    const file = (await strapi.db.query(STRAPI_UID.file).findOne({ where: { id: link.fileId } })) as Row | null;
    const outcome = await relocateOne(strapi, morph, target, link, file);
    counts[outcome] += 1;
    if (outcome === 'unreadable') {
      strapi.log.warn(`Clientia: the PDF of ${target.uid} ${link.relatedId} (media file ${link.fileId}) could not be read; it stays in the media library until it can be moved to private storage`);
      continue;
    }
    const stillLinked = await strapi.db.connection(morph.name).first(morph.file).where({ [morph.file]: link.fileId });
    // The public copy goes once nothing links to it; a file also used elsewhere stays for that use.
    if (file && !stillLinked) await strapi.plugin('upload').service('upload').remove(file);
  }
  strapi.log.info(`Clientia: ${counts.moved} contract and invoice PDFs moved from the media library to private storage (${counts.unlinked} links removed, ${counts.unreadable} unreadable)`);
  return counts;
};
