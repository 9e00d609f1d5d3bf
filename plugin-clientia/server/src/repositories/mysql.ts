import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * What the plugin needs from MySQL/MariaDB to keep the guarantees it has on PostgreSQL and
 * SQLite. Nothing here runs on the other databases.
 */

const isMysql = (strapi: Core.Strapi) => strapi.db.dialect.client === 'mysql';

const READ_COMMITTED = 'SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED';

interface NativeConnection {
  query(sql: string, callback: (error: Error | null) => void): unknown;
}
interface PoolEvents {
  on(event: 'createSuccess', listener: (eventId: number, connection: NativeConnection) => void): unknown;
}

/**
 * READ COMMITTED on every MySQL connection, as PostgreSQL runs by default. The plugin's checks
 * take a lock, then count what is committed (seats of a licence, payments of an invoice); under
 * MySQL's default REPEATABLE READ those reads would come from a snapshot taken before the lock
 * was granted and miss the rows of the writer that held it. The session setting must precede
 * BEGIN, and Strapi opens the transactions, so it is set when the pool opens a connection; the
 * pool is empty until Strapi's bootstrap, after every plugin's register().
 */
export const useReadCommitted = (strapi: Core.Strapi) => {
  if (!isMysql(strapi)) return;
  const pool = (strapi.db.connection.client as { pool?: PoolEvents }).pool;
  // The statement is queued on the connection before anything the pool hands it out for.
  pool?.on('createSuccess', (_eventId, connection) =>
    connection.query(READ_COMMITTED, (error) => {
      if (error) strapi.log.error(`[clientia] could not set READ COMMITTED on a database connection: ${error.message}`);
    })
  );
};

const isolationLevel = async (knex: Knex): Promise<string> => {
  const levelOf = async (variable: string) => {
    const [rows] = (await knex.raw(`SELECT @@SESSION.${variable} AS level`)) as [{ level: string }[]];
    return String(rows[0]?.level ?? '');
  };
  try {
    return await levelOf('transaction_isolation');
  } catch {
    // MariaDB before 11.1 knows the variable only by its old name.
    return levelOf('tx_isolation');
  }
};

/** Refuses to start when the connections are not READ COMMITTED: the checks above would then race. */
export const assertReadCommitted = async (strapi: Core.Strapi) => {
  if (!isMysql(strapi)) return;
  const level = await isolationLevel(strapi.db.connection);
  if (!/^READ.COMMITTED$/i.test(level)) {
    throw new Error(
      `[clientia] the MySQL/MariaDB connections run at ${level || 'an unknown isolation level'}, not READ COMMITTED; ` +
        'the plugin sets it on each new connection, so something opened connections before the plugin registered'
    );
  }
};

/**
 * Named locks for MySQL, one row per name. Locking a record's own row there deadlocks: a child
 * inserted in the same transaction (a seat of the licence, a payment of the invoice) holds a
 * shared lock on it through its foreign key, and two such writers can then never upgrade to the
 * write lock. No foreign key points at this table.
 */
const NAMED_LOCKS_TABLE = 'clientia_locks';

export const ensureNamedLocksTable = async (strapi: Core.Strapi) => {
  if (!isMysql(strapi)) return;
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(NAMED_LOCKS_TABLE)) return;
  await knex.schema.createTable(NAMED_LOCKS_TABLE, (table) => {
    table.string('name', 128).primary();
    table.integer('taken').notNullable().defaultTo(0);
  });
};

/** Holds the write lock of the named row until the transaction ends, creating the row if needed. */
export const takeNamedLock = async (trx: Knex.Transaction, name: string) => {
  await trx(NAMED_LOCKS_TABLE)
    .insert({ name, taken: 1 })
    .onConflict('name')
    .merge({ taken: trx.raw('??.?? + 1', [NAMED_LOCKS_TABLE, 'taken']) });
};

/**
 * Record writes whose rules check a total over sibling records (seats against seats purchased,
 * payments against the invoice total) run one at a time on MySQL, from the start of their
 * transaction. Their rules also update the parent record, and on MySQL that update waits for every
 * writer that has inserted a child of it; taken any later than first, a lock would have those
 * writers waiting on each other. PostgreSQL and SQLite need none of this (see `lockRow`).
 */
export const serializeTotalsChecks = async (strapi: Core.Strapi, trx: Knex.Transaction) => {
  if (isMysql(strapi)) await takeNamedLock(trx, 'record-rules:totals');
};
