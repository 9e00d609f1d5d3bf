import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * Gap-free counters (invoice and contract numbers per year). One row per scope; the increment is
 * a single UPDATE inside the caller's transaction, so concurrent writers queue on the row lock
 * (PostgreSQL, MySQL) or on SQLite's single writer, and two never get the same value.
 */
const COUNTERS_TABLE = 'clientia_counters';

export const ensureCountersTable = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(COUNTERS_TABLE)) return;
  await knex.schema.createTable(COUNTERS_TABLE, (table) => {
    table.string('scope', 64).primary();
    table.integer('last_value').notNullable().defaultTo(0);
  });
};

export const nextCounterValue = async (trx: Knex.Transaction | Knex, scope: string): Promise<number> => {
  // One upsert (ON CONFLICT … DO UPDATE; ON DUPLICATE KEY UPDATE on MySQL) takes the row's write
  // lock at once. A separate insert-if-missing then update deadlocks on MySQL: each writer's
  // ignored insert holds a shared lock on the existing row, and neither can then upgrade it.
  await trx(COUNTERS_TABLE)
    .insert({ scope, last_value: 1 })
    .onConflict('scope')
    .merge({ last_value: trx.raw('??.?? + 1', [COUNTERS_TABLE, 'last_value']) });
  const row = await trx(COUNTERS_TABLE).where({ scope }).first('last_value');
  return Number(row.last_value);
};
