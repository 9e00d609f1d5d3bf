import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { fieldError } from '../domain/errors';
import { serializeTotalsChecks } from '../repositories/mysql';
import { recordActivity } from '../audit/activity';
import { currentActor, isSystemWrite } from '../audit/actor';
import { contractRule } from './contract';
import { changedFields } from './helpers';
import { UID } from '../constants';
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
  threadRule,
} from './records';
import { retainerRule } from './retainer';
import { timeEntryRule } from './time-entry';
import { licenceRule, seatRule } from './seats';
import { dropServerOwned } from '../domain/server-owned';
import { checkWholeNumbers } from './whole-numbers';
import type { RecordRule, RuleContext, WriteAction } from './types';
import type { Entity } from '../repositories/rows';

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

type WriteResult = (Record<string, unknown> & { id?: number }) | null;

/** True when every changed field is one the client never sees: the change is none of theirs. */
const onlyStaffFields = (strapi: Core.Strapi, uid: string, changed: string[]) => {
  if (changed.length === 0) return false;
  const attributes = strapi.contentType(uid as never).attributes as Record<string, { private?: boolean; pluginOptions?: { clientia?: { staffOnly?: boolean } } }>;
  return changed.every((field) => attributes[field]?.private || attributes[field]?.pluginOptions?.clientia?.staffOnly);
};

const load = async (strapi: Core.Strapi, uid: string, where: Record<string, unknown>, populate: string[]) =>
  (await strapi.db.query(uid as never).findOne({ where, populate })) as Entity | null;

/** Audit records accept one write, a creation, and only from the server itself. */
const guardAppendOnly = (uid: string, action: string) => {
  if (action !== 'create') throw fieldError('documentId', `${APPEND_ONLY[uid]} are append-only: they cannot be changed or deleted`);
  if (!isSystemWrite()) throw fieldError('documentId', `${APPEND_ONLY[uid]} are written by the server only`);
};

/**
 * The record as written, with what the rule's `after` derived on it (number, totals, status). A
 * rule without `after` changes nothing once the write is done, so the first reload is final.
 */
const loadWritten = async (strapi: Core.Strapi, uid: string, rule: RecordRule, ruleCtx: RuleContext): Promise<Entity | null> => {
  if (!ruleCtx.after) return null;
  if (!rule.after) return ruleCtx.after;
  return load(strapi, uid, { id: ruleCtx.after.id }, rule.populate);
};

/** The caller sees the server's derived values (number, totals, status) straight away. */
const showDerivedValues = (result: WriteResult, after: Entity) => {
  for (const key of Object.keys(result ?? {})) {
    const value = after[key];
    if (key in after && (value === null || typeof value !== 'object' || value instanceof Date)) {
      (result as Record<string, unknown>)[key] = value;
    }
  }
};

const VERBS: Record<WriteAction, string> = { create: 'created', update: 'updated', delete: 'deleted' };

/** The activity entry of the write, in its transaction; an update that changed nothing leaves none. */
const logWrite = async (strapi: Core.Strapi, uid: string, rule: RecordRule, action: WriteAction, before: Entity | null, after: Entity | null) => {
  const subject = after ?? before;
  if (!subject) return;
  const attributes = Object.keys(strapi.contentType(uid as never).attributes).filter((a) => !NOT_COMPARED.has(a));
  const changed = before && after ? changedFields(before, after, attributes.filter((a) => a in before || a in after)) : [];
  if (action === 'update' && changed.length === 0) return;
  await recordActivity(strapi, {
    actor: currentActor(strapi),
    verb: rule.verb?.(action, before, after, changed) ?? VERBS[action],
    subjectType: uid.replace('plugin::clientia.', ''),
    subjectId: subject.documentId,
    subjectLabel: rule.label(subject),
    clientId: rule.clientId(subject),
    changes: changed,
    visibleToClient: onlyStaffFields(strapi, uid, changed) ? false : rule.visibleToClient ? rule.visibleToClient(subject, changed) : true,
  });
};

/**
 * One write under its rule, in one transaction: the caller's data cleaned of server-owned fields,
 * the record as it was, the rule's checks before the write, the write, the rule's derived fields
 * and invariants after it, the derived values shown to the caller, and the activity entry.
 */
const writeUnderRule = (strapi: Core.Strapi, ctx: MiddlewareContext, rule: RecordRule, next: () => Promise<unknown>) =>
  strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
    const { uid } = ctx;
    const action = ctx.action as WriteAction;
    if (rule.checksTotals) await serializeTotalsChecks(strapi, trx);
    const data = (ctx.params.data ?? {}) as Record<string, unknown>;
    if (!isSystemWrite()) dropServerOwned(uid, data);
    checkWholeNumbers(strapi.contentType(uid as never).attributes as Record<string, { type?: string }>, data);
    const documentId = ctx.params.documentId;
    const before = action === 'create' || !documentId ? null : await load(strapi, uid, { documentId }, rule.populate);
    // An unknown documentId is Strapi's to answer (404); there is nothing to check.
    if (action !== 'create' && !before) return next();

    const ruleCtx: RuleContext = { strapi, uid, action, data, before, after: null, trx };
    await rule.before?.(ruleCtx);
    const result = (await next()) as WriteResult;
    if (action !== 'delete' && result?.id) ruleCtx.after = await load(strapi, uid, { id: result.id }, rule.populate);
    await rule.after?.(ruleCtx);

    const after = await loadWritten(strapi, uid, rule, ruleCtx);
    if (after) showDerivedValues(result, after);
    await logWrite(strapi, uid, rule, action, before, after);
    return result;
  });

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
      guardAppendOnly(uid, action);
      return next();
    }
    const rule = RULES[uid];
    return rule ? writeUnderRule(strapi, ctx, rule, next) : next();
  };
  strapi.documents.use(middleware as unknown as Parameters<Core.Strapi['documents']['use']>[0]);
};
