import type { SecurityWorld } from './portal-probes';

type Attribute = { type: string; relation?: string; target?: string; enum?: string[]; multiple?: boolean };

const CLIENTIA = 'plugin::clientia.';
export const HOSTILE_TEXT = 'HOSTILE-VALUE';
const HOSTILE_NUMBER = 987_654_321;
const HOSTILE_DATETIME = '2001-01-01T00:00:00.000Z';
// Values a caller would pick to skip a step: paid without paying, signed without signing.
const HOSTILE_ENUM = ['paid', 'signed', 'archived', 'internal', 'owner', 'staff', 'void', 'done', 'closed', 'cancelled', 'terminated', 'ended'];

export const clientiaTypes = (world: SecurityWorld) =>
  Object.entries(world.app.strapi.contentTypes as unknown as Record<string, { attributes: Record<string, Attribute> }>).filter(([uid]) => uid.startsWith(CLIENTIA));

/**
 * Every attribute of every Clientia content type set to what an attacker would send: client B's
 * records for relations, final states for enumerations, huge totals, staff-only text. Plus the
 * keys Strapi itself knows (id, documentId, createdBy) and the portal's own names (status).
 */
export const hostileAttributes = async (world: SecurityWorld) => {
  const contactB = (await world.app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: world.emails.contactB } })) as { id: number };
  const out: Record<string, unknown> = {};
  for (const [, type] of clientiaTypes(world)) {
    for (const [name, attribute] of Object.entries(type.attributes)) {
      if (name in out) continue;
      out[name] = await hostileValue(world, attribute, contactB.id);
    }
  }
  return {
    ...out,
    id: 1,
    documentId: world.clientB.documentId,
    client: world.clientB.documentId,
    createdBy: 1,
    updatedBy: 1,
    user: contactB.id,
    role: 'owner',
    status: 'paid',
    state: 'paid',
    internalNotes: `${HOSTILE_TEXT} internal`,
    visibility: 'internal',
    storageKey: '../../../etc/passwd',
    number: `${HOSTILE_TEXT}-1`,
    publishedAt: HOSTILE_DATETIME,
    locale: 'xx',
  };
};

const hostileValue = async (world: SecurityWorld, attribute: Attribute, userB: number): Promise<unknown> => {
  switch (attribute.type) {
    case 'relation': {
      const target = attribute.target ?? '';
      let value: unknown = 1;
      if (target === `${CLIENTIA}client`) value = world.clientB.documentId;
      else if (target.startsWith(CLIENTIA) && world.factory.knows(target)) value = await world.standing(target, 'B');
      else if (target === 'plugin::users-permissions.user') value = userB;
      return attribute.relation?.endsWith('ToMany') ? [value] : value;
    }
    case 'media':
      return attribute.multiple ? [1] : 1;
    case 'enumeration':
      return HOSTILE_ENUM.find((v) => attribute.enum?.includes(v)) ?? attribute.enum?.at(-1);
    case 'integer':
    case 'biginteger':
    case 'decimal':
    case 'float':
      return HOSTILE_NUMBER;
    case 'boolean':
      return true;
    case 'date':
      return '2001-01-01';
    case 'datetime':
      return HOSTILE_DATETIME;
    case 'json':
      return { hostile: true, total: HOSTILE_NUMBER };
    case 'email':
      return 'hostile@attacker.example';
    default:
      return `${HOSTILE_TEXT} ${attribute.type}`;
  }
};

const normalise = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (value && typeof value === 'object') return JSON.stringify(value);
  return value ?? null;
};

export const sameStored = (a: unknown, b: unknown) => normalise(a) === normalise(b);

type Row = Record<string, unknown> & { id: number; documentId: string };

/** A record with its relations populated (only their documentIds), as stored. */
export const loadRows = async (world: SecurityWorld, uid: string, where: Record<string, unknown>) => {
  const type = world.app.strapi.contentTypes[uid as never] as unknown as { attributes: Record<string, Attribute> };
  const relations = Object.entries(type.attributes)
    .filter(([, a]) => a.type === 'relation' && (a.target ?? '').startsWith('plugin::'))
    .map(([name]) => name);
  const populate = Object.fromEntries(relations.map((name) => [name, { select: ['id', 'documentId'] }]));
  const rows = (await world.app.strapi.db.query(uid as never).findMany({ where, populate, orderBy: { id: 'asc' } } as never)) as Row[];
  // PostgreSQL returns to-many relations in no fixed order.
  for (const row of rows) {
    for (const name of relations) {
      const value = row[name];
      if (Array.isArray(value)) row[name] = [...(value as { id: number }[])].sort((a, b) => a.id - b.id);
    }
  }
  return rows;
};

/** JSON with keys in a fixed order: PostgreSQL and SQLite populate relations in different orders. */
export const stableJson = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v
  );

/** Row counts of every Clientia type, overall and for client B. */
export const countRows = async (world: SecurityWorld) => {
  const counts: Record<string, number> = {};
  for (const [uid, type] of clientiaTypes(world)) {
    const db = world.app.strapi.db.query(uid as never);
    counts[uid] = Number(await db.count({}));
    if (type.attributes.client) counts[`${uid} of B`] = Number(await db.count({ where: { client: { id: world.clientB.id } } } as never));
  }
  return counts;
};

export const maxIds = async (world: SecurityWorld) => {
  const out: Record<string, number> = {};
  for (const [uid] of clientiaTypes(world)) {
    const [row] = (await world.app.strapi.db.query(uid as never).findMany({ select: ['id'], orderBy: { id: 'desc' }, limit: 1 })) as { id: number }[];
    out[uid] = row?.id ?? 0;
  }
  return out;
};

/**
 * What a write left behind: the rows of each Clientia type created since `before` and the rows
 * named by documentId, with relations.
 */
export const touchedRows = async (world: SecurityWorld, before: Record<string, number>, named: { uid: string; documentId: string }[]) => {
  const out: { uid: string; row: Row; created: boolean }[] = [];
  for (const [uid] of clientiaTypes(world)) {
    if (uid === `${CLIENTIA}activity`) continue;
    for (const row of await loadRows(world, uid, { id: { $gt: before[uid] ?? 0 } })) out.push({ uid, row, created: true });
  }
  for (const { uid, documentId } of named) {
    for (const row of await loadRows(world, uid, { documentId })) out.push({ uid, row, created: false });
  }
  return out;
};

/**
 * The protected-field violations of a row a hostile write touched: pointing at client B or its
 * records, or holding a hostile value the same write without hostile keys did not produce.
 */
export const violationsOf = (world: SecurityWorld, uid: string, row: Row, hostile: Record<string, unknown>, reference: Row | undefined) => {
  const problems: string[] = [];
  const foreign = world.privateTo.B;
  for (const [key, value] of Object.entries(row)) {
    if (value && typeof value === 'object' && !(value instanceof Date)) {
      const related = Array.isArray(value) ? value : [value];
      for (const r of related as { documentId?: string }[]) {
        if (r?.documentId && foreign.has(r.documentId)) problems.push(`${uid} ${row.documentId}: ${key} points at client B's ${r.documentId}`);
      }
      continue;
    }
    if (!(key in hostile) || ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale'].includes(key)) continue;
    if (sameStored(value, hostile[key]) && !(reference && sameStored(reference[key], hostile[key]))) {
      problems.push(`${uid} ${row.documentId}: ${key} took the caller's value ${JSON.stringify(hostile[key])}`);
    }
  }
  return problems;
};
