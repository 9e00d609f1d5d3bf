import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { Entity } from '../repositories/rows';

export type WriteAction = 'create' | 'update' | 'delete';

export interface RuleContext {
  strapi: Core.Strapi;
  uid: string;
  action: WriteAction;
  /** The caller's data (create/update), cleaned in place by `before`. */
  data: Record<string, unknown>;
  /** The record as it was (update/delete). */
  before: Entity | null;
  /** The record as written (create/update), reloaded with `populate`. */
  after: Entity | null;
  trx: Knex.Transaction;
}

export interface RecordRule {
  /** Relations loaded into `before` and `after`. */
  populate: string[];
  /** The rule checks a total over sibling records under a lock (see `serializeTotalsChecks`). */
  checksTotals?: boolean;
  /** Validates and cleans the caller's data before anything is written. */
  before?(ctx: RuleContext): Promise<void> | void;
  /** Derives server-owned fields and checks invariants on the written record, in the same transaction. */
  after?(ctx: RuleContext): Promise<void> | void;
  /** Short human label for the activity log, e.g. "Invoice INV-2026-0007". */
  label(entity: Entity): string;
  /** The client a record belongs to (for the activity log and the client's feed). */
  clientId(entity: Entity): number | null;
  /**
   * A verb of the firm's own for an update that is more than an edit ("archived"); left out, or
   * null, the activity entry says created, updated or deleted.
   */
  verb?(action: WriteAction, before: Entity | null, after: Entity | null, changedFields: string[]): string | null;
  /** False when the client must not see this change in their feed. */
  visibleToClient?(entity: Entity, changedFields: string[]): boolean;
}
