import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { fieldError } from '../domain/errors';
import { serializeTotalsChecks } from '../repositories/mysql';
import { recordActivity } from './activity';
import { currentActor, isSystemWrite } from './context';
import { contractRule } from './contract';
import { changedFields, UID } from './helpers';
import { invoiceRule } from './invoice';
import { paymentRule } from './payment';
import {
  brandingRule,
  clientRule,
  documentRule,
  membershipRule,
  messageRule,
  milestoneRule,
  projectRule,
  retainerRule,
  threadRule,
  timeEntryRule,
} from './records';
import { licenceRule, seatRule } from './seats';
import { dropServerOwned } from './server-fields';
import type { Entity, RecordRule, WriteAction } from './types';

const RULES: Record<string, RecordRule> = {
  [UID.client]: clientRule,
  [UID.membership]: membershipRule,
  [UID.contract]: contractRule,
  [UID.retainer]: retainerRule,
  [UID.timeEntry]: timeEntryRule,
  [UID.invoice]: invoiceRule,
  [UID.payment]: paymentRule,
  [UID.licence]: licenceRule,
  [UID.seat]: seatRule,
  [UID.document]: documentRule,
  [UID.project]: projectRule,
  [UID.milestone]: milestoneRule,
  [UID.thread]: threadRule,
  [UID.message]: messageRule,
  [UID.branding]: brandingRule,
};

/** Audit records: written once by the server, never changed, never deleted. */
const APPEND_ONLY: Record<string, string> = {
  [UID.activity]: 'Activity entries',
  [UID.signatureEvent]: 'Signature events',
};

const WRITES: readonly string[] = ['create', 'update', 'delete'];
const NOT_COMPARED = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);

interface MiddlewareContext {
  uid: string;
  action: string;
  params: { documentId?: string; data?: Record<string, unknown> } & Record<string, unknown>;
}

/** True when every changed field is one the client never sees: the change is none of theirs. */
const onlyStaffFields = (strapi: Core.Strapi, uid: string, changed: string[]) => {
  if (changed.length === 0) return false;
  const attributes = strapi.contentType(uid as never).attributes as Record<string, { private?: boolean; pluginOptions?: { clientia?: { staffOnly?: boolean } } }>;
  return changed.every((field) => attributes[field]?.private || attributes[field]?.pluginOptions?.clientia?.staffOnly);
};

const load = async (strapi: Core.Strapi, uid: string, where: Record<string, unknown>, populate: string[]) =>
  (await strapi.db.query(uid as never).findOne({ where, populate })) as Entity | null;

/**
 * The firm's rules run on every write to a Clientia record, whoever makes it (admin panel,
 * portal API, scripts): the write, the rule's checks and derived fields, and the activity entry
 * happen in one transaction, so a refused write leaves nothing behind.
 */
export const registerRecordRules = (strapi: Core.Strapi) => {
  const middleware = async (ctx: MiddlewareContext, next: () => Promise<unknown>) => {
    const { uid, action } = ctx;
    if (!uid.startsWith('plugin::clientia.') || !WRITES.includes(action)) return next();

    if (APPEND_ONLY[uid]) {
      if (action !== 'create') throw fieldError('documentId', `${APPEND_ONLY[uid]} are append-only: they cannot be changed or deleted`);
      if (!isSystemWrite()) throw fieldError('documentId', `${APPEND_ONLY[uid]} are written by the server only`);
      return next();
    }
    const rule = RULES[uid];
    if (!rule) return next();

    return strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
      if (rule.checksTotals) await serializeTotalsChecks(strapi, trx);
      const writeAction = action as WriteAction;
      const data = (ctx.params.data ?? {}) as Record<string, unknown>;
      if (!isSystemWrite()) dropServerOwned(uid, data);
      const documentId = ctx.params.documentId;
      const before = writeAction === 'create' || !documentId ? null : await load(strapi, uid, { documentId }, rule.populate);
      // An unknown documentId is Strapi's to answer (404); there is nothing to check.
      if (writeAction !== 'create' && !before) return next();

      const ruleCtx = { strapi, uid, action: writeAction, data, before, after: null as Entity | null, trx };
      await rule.before?.(ruleCtx);
      const result = (await next()) as (Record<string, unknown> & { id?: number }) | null;

      if (writeAction !== 'delete' && result?.id) {
        ruleCtx.after = await load(strapi, uid, { id: result.id }, rule.populate);
      }
      await rule.after?.(ruleCtx);

      let after: Entity | null = null;
      if (ruleCtx.after) {
        after = await load(strapi, uid, { id: ruleCtx.after.id }, rule.populate);
        // The caller sees the server's derived values (number, totals, status) straight away.
        for (const key of Object.keys(result ?? {})) {
          const value = after?.[key];
          if (key in (after ?? {}) && (value === null || typeof value !== 'object' || value instanceof Date)) {
            (result as Record<string, unknown>)[key] = value;
          }
        }
      }

      const subject = after ?? before;
      if (subject) {
        const attributes = Object.keys(strapi.contentType(uid as never).attributes).filter((a) => !NOT_COMPARED.has(a));
        const changed =
          before && after ? changedFields(before, after, attributes.filter((a) => a in before || a in after)) : [];
        if (writeAction !== 'update' || changed.length > 0) {
          await recordActivity(strapi, {
            actor: currentActor(strapi),
            verb: writeAction === 'create' ? 'created' : writeAction === 'update' ? 'updated' : 'deleted',
            subjectType: uid.replace('plugin::clientia.', ''),
            subjectId: subject.documentId,
            subjectLabel: rule.label(subject),
            clientId: rule.clientId(subject),
            changes: changed,
            visibleToClient: onlyStaffFields(strapi, uid, changed) ? false : rule.visibleToClient ? rule.visibleToClient(subject, changed) : true,
          });
        }
      }
      return result;
    });
  };
  strapi.documents.use(middleware as unknown as Parameters<Core.Strapi['documents']['use']>[0]);
};
