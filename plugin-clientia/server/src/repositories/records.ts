import type { Knex } from 'knex';
import type { Core } from '@strapi/strapi';
import type { Row, Entity } from './rows';
import { takeNamedLock } from './mysql';
import type { ClientiaUid } from '../constants';

/** Query-engine access with explicit `select`/`populate`; rows come back as plain objects. */
interface RecordQuery {
  findOne(params: Record<string, unknown>): Promise<Row | null>;
  findMany(params: Record<string, unknown>): Promise<Row[]>;
  count(params?: Record<string, unknown>): Promise<number>;
  update(params: Record<string, unknown>): Promise<Row | null>;
}

export const records = (strapi: Core.Strapi, uid: string) => strapi.db.query(uid as never) as unknown as RecordQuery;

/** Document Service access for writes, so the firm's rules run on each of them. */
interface DocumentWrites {
  findFirst(params?: Record<string, unknown>): Promise<Row | null>;
  create(params: { data: Record<string, unknown>; populate?: unknown }): Promise<Row>;
  update(params: { documentId: string; data: Record<string, unknown>; populate?: unknown }): Promise<Row | null>;
  delete(params: { documentId: string }): Promise<unknown>;
}

export const documents = (strapi: Core.Strapi, uid: string) => strapi.documents(uid as never) as unknown as DocumentWrites;

interface JoinTableMeta {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

/**
 * How many rows of `uid` point at each of `ids` through `relation`: one grouped COUNT on the
 * relation's link table, however many ids there are. `nonEmpty` counts only rows where that
 * attribute holds a value (neither null nor blank).
 */
export const countByRelation = async (
  strapi: Core.Strapi,
  uid: string,
  relation: string,
  ids: number[],
  options: { nonEmpty?: string } = {}
): Promise<Map<number, number>> => {
  const counts = new Map<number, number>();
  if (ids.length === 0) return counts;
  const meta = strapi.db.metadata.get(uid);
  const joinTable = (meta.attributes[relation] as { joinTable?: JoinTableMeta } | undefined)?.joinTable;
  if (!joinTable) throw new Error(`${uid}.${relation} has no link table to count on`);
  const target = `${joinTable.name}.${joinTable.inverseJoinColumn.name}`;
  const query = strapi.db
    .connection(joinTable.name)
    .select({ owner: target })
    .count({ n: '*' })
    .whereIn(target, ids)
    .groupBy(target);
  if (options.nonEmpty) {
    const column = `${meta.tableName}.${(meta.attributes[options.nonEmpty] as { columnName?: string }).columnName ?? options.nonEmpty}`;
    query
      .join(meta.tableName, `${meta.tableName}.id`, `${joinTable.name}.${joinTable.joinColumn.name}`)
      .whereNotNull(column)
      .whereNot(column, '');
  }
  for (const row of (await query) as { owner: unknown; n: unknown }[]) counts.set(Number(row.owner), Number(row.n));
  return counts;
};

export const ids = (rows: Row[]) => rows.map((row) => Number(row.id));

/** Groups rows by the id of a populated relation. */
export const groupByRelation = (rows: Row[], relation: string) => {
  const groups = new Map<number, Row[]>();
  for (const row of rows) {
    const owner = row[relation] as Row | null | undefined;
    if (!owner?.id) continue;
    const key = Number(owner.id);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
};

/** The link table of a relation: `joinColumn` points at `uid`'s row, `inverseJoinColumn` at the related one. */
export const linkTable = (strapi: Core.Strapi, uid: string, relation: string): JoinTableMeta => {
  const meta = strapi.db.metadata.get(uid);
  const joinTable = (meta.attributes[relation] as { joinTable?: JoinTableMeta } | undefined)?.joinTable;
  if (!joinTable) throw new Error(`${uid}.${relation} has no link table`);
  return joinTable;
};

/** The ids of the rows of `uid` whose `relation` points at `ownerIds`, as a subquery on the link table. */
export const linkedIds = (strapi: Core.Strapi, uid: string, relation: string, ownerIds: number | number[]) => {
  const joinTable = linkTable(strapi, uid, relation);
  const owners = Array.isArray(ownerIds) ? ownerIds : [ownerIds];
  return strapi.db.connection(joinTable.name).select(joinTable.joinColumn.name).whereIn(joinTable.inverseJoinColumn.name, owners);
};

/**
 * `where` for the rows of `uid` whose `relation` points at `ownerIds`: `id IN (SELECT … FROM link
 * WHERE owner = ?)`, read from the relation's link table by its indexed owner column. Filtering
 * through the relation itself (`client: { id }`) makes the query engine LEFT JOIN from the whole
 * table, which the database answers by reading every row of it: fine for ten rows, not for a
 * million invoices.
 */
export const linkedTo = (strapi: Core.Strapi, uid: string, relation: string, ownerIds: number | number[]) => ({
  id: { $in: linkedIds(strapi, uid, relation, ownerIds) },
});

/** A scalar attribute's column in `uid`'s table. */
export const columnOf = (strapi: Core.Strapi, uid: string, attribute: string) => {
  const meta = strapi.db.metadata.get(uid);
  const definition = meta.attributes[attribute] as { columnName?: string } | undefined;
  if (!definition) throw new Error(`${uid} has no attribute ${attribute}`);
  return definition.columnName ?? attribute;
};

const query = (strapi: Core.Strapi, uid: ClientiaUid) => strapi.db.query(uid as never);

export const loadEntity = async (strapi: Core.Strapi, uid: ClientiaUid, where: Record<string, unknown>, populate: string[]) =>
  (await query(strapi, uid).findOne({ where, populate })) as Entity | null;

export const updateEntity = async (strapi: Core.Strapi, uid: ClientiaUid, id: number, data: Record<string, unknown>) => {
  if (Object.keys(data).length) await query(strapi, uid).update({ where: { id }, data });
};

/**
 * Row lock that serialises writers of one parent record (a licence, an invoice). SQLite has one
 * writer at a time and needs none. On PostgreSQL it is NO KEY UPDATE: the children each writer has
 * just inserted hold KEY SHARE locks on the parent through their foreign keys, and FOR UPDATE
 * would make two such writers deadlock instead of queueing. MySQL has no such weaker lock (its
 * foreign keys hold plain shared locks), so there it is a named lock of its own.
 */
export const lockRow = async (strapi: Core.Strapi, trx: Knex.Transaction, table: string, id: number) => {
  const client = strapi.db.dialect.client;
  if (client === 'sqlite') return;
  if (client === 'mysql') return takeNamedLock(trx, `${table}:${id}`);
  await trx(table).where({ id }).forNoKeyUpdate().first('id');
};
