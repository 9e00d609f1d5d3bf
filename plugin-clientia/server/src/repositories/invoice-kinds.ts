import type { Knex } from 'knex';

/*
 * Invoices and credit notes share one table. Rows made before credit notes existed have no kind
 * and are invoices, so "an invoice" is written as "not a credit note, or no kind at all": SQL's
 * `kind <> 'credit_note'` alone is never true for those rows.
 */

/** `where` for the query engine: invoices only, never credit notes. */
export const INVOICES_ONLY = { $or: [{ kind: { $null: true } }, { kind: { $ne: 'credit_note' } }] } as const;

/** `where` for the query engine: credit notes only. */
export const CREDIT_NOTES_ONLY = { kind: 'credit_note' } as const;

/** `where` for the query engine: the rows of one kind. */
export const ofKind = (kind: 'invoice' | 'credit_note') => (kind === 'credit_note' ? CREDIT_NOTES_ONLY : INVOICES_ONLY);

/** The same as INVOICES_ONLY on a knex builder of the invoice table, given the kind's column. */
export const whereInvoicesOnly = (query: Knex.QueryBuilder, kindColumn: string) =>
  query.where((only) => only.whereNull(kindColumn).orWhereNot(kindColumn, 'credit_note'));
