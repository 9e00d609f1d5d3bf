import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { BILLING_CLAIMS_TABLE } from './claims';

/**
 * Which logged hours count against a retainer: the billable ones. They use up the included
 * hours and, beyond them, are billed at the overtime rate; hours marked not billable are kept
 * for the record only. The invoice, the portal's meter, the dashboard and the staff overview all
 * count through here, so what a client is shown is what they are billed.
 */
export const countsAgainstRetainer = (billable: unknown) => !(billable === false || billable === 0 || billable === '0' || billable === 'false');

/** Hours are summed in hundredths so sums stay exact (7.3, never 7.300000000000001). */
export const hundredthsOf = (hours: unknown) => {
  const n = Number(hours ?? 0);
  return Number.isFinite(n) ? Math.round(n * 100) : 0;
};

/** The billable hours of some entries, exact to the hundredth. */
export const billableHours = (entries: readonly { hours?: unknown; billable?: unknown }[]) =>
  entries.filter((entry) => countsAgainstRetainer(entry.billable)).reduce((sum, entry) => sum + hundredthsOf(entry.hours), 0) / 100;

/**
 * The day before which the retainer's hours have been billed, or null before the first bill.
 * Billing a period at its start bills the hours of the period before it (see `billing/run.ts`),
 * so a claimed period start is the end of a period whose hours are settled; hours dated earlier
 * can no longer change without the invoice being wrong.
 */
export const billedBefore = async (strapi: Core.Strapi, retainerId: number, trx?: Knex.Transaction): Promise<string | null> => {
  const knex = trx ?? strapi.db.connection;
  const row = (await knex(BILLING_CLAIMS_TABLE).where({ retainer_id: retainerId }).max({ last: 'period_start' }).first()) as { last?: unknown } | undefined;
  return typeof row?.last === 'string' && row.last ? row.last : null;
};

/** Whether any period of the retainer has been billed (its schedule is then fixed). */
export const hasBeenBilled = async (strapi: Core.Strapi, retainerId: number, trx?: Knex.Transaction) =>
  Boolean(await (trx ?? strapi.db.connection)(BILLING_CLAIMS_TABLE).where({ retainer_id: retainerId }).first('retainer_id'));
