import type { Core } from '@strapi/strapi';
import { UID } from '../../constants';

interface LinkMeta {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

interface ThreadMeta {
  tableName: string;
  attributes: Record<string, { columnName?: string; joinTable?: LinkMeta }>;
}

/**
 * Threads of a client with a message the client side has not read: one COUNT comparing the two
 * markers in the database (the query engine cannot compare two columns).
 */
export const countUnreadThreads = async (strapi: Core.Strapi, clientId: number): Promise<number> => {
  const meta = strapi.db.metadata.get(UID.thread) as unknown as ThreadMeta;
  const link = meta.attributes.client.joinTable;
  if (!link) throw new Error(`${UID.thread}.client has no link table`);
  const column = (attribute: string) => `${meta.tableName}.${meta.attributes[attribute].columnName ?? attribute}`;
  const last = column('lastMessageAt');
  const read = column('clientReadAt');
  const [row] = (await strapi.db
    .connection(meta.tableName)
    .join(link.name, `${link.name}.${link.joinColumn.name}`, `${meta.tableName}.id`)
    .where(`${link.name}.${link.inverseJoinColumn.name}`, clientId)
    .whereNotNull(last)
    .where((q) => q.whereNull(read).orWhereRaw('?? > ??', [last, read]))
    .count({ n: '*' })) as { n: unknown }[];
  return Number(row?.n ?? 0);
};
