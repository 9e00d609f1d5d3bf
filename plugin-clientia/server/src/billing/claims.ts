import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * One row per retainer and billing period, under a unique key: the database, not a lock in one
 * process, decides that a period is billed once. The row is written in the same transaction as
 * the invoice, so a crash leaves either both or neither.
 */
export const BILLING_CLAIMS_TABLE = 'clientia_retainer_billings';

export const ensureBillingClaimsTable = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(BILLING_CLAIMS_TABLE)) return;
  await knex.schema.createTable(BILLING_CLAIMS_TABLE, (table) => {
    table.integer('retainer_id').notNullable();
    table.string('period_start', 10).notNullable();
    table.integer('invoice_id').nullable();
    table.timestamp('billed_at', { useTz: true }).notNullable();
    table.unique(['retainer_id', 'period_start'], { indexName: 'clientia_retainer_billings_period_unique' });
  });
};

/**
 * Claims the period for this transaction. False when it is claimed already: billed by an earlier
 * run, or by another instance right now (PostgreSQL makes this insert wait for that instance's
 * transaction, then skips it; SQLite has one writer at a time).
 */
export const claimPeriod = async (trx: Knex.Transaction, retainerId: number, periodStart: string): Promise<boolean> => {
  try {
    // A savepoint: on PostgreSQL a failed insert would otherwise abort the whole transaction.
    await trx.transaction((savepoint) => savepoint(BILLING_CLAIMS_TABLE).insert({ retainer_id: retainerId, period_start: periodStart, billed_at: new Date() }));
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
};

const isUniqueViolation = (error: unknown) => {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'ER_DUP_ENTRY' || /UNIQUE constraint failed/i.test(message ?? '');
};

export const recordInvoice = (trx: Knex.Transaction | Knex, retainerId: number, periodStart: string, invoiceId: number) =>
  trx(BILLING_CLAIMS_TABLE).where({ retainer_id: retainerId, period_start: periodStart }).update({ invoice_id: invoiceId });
