import { fieldError } from '../domain/errors';
import { canMove, CONTRACT_TRANSITIONS, SIGNED_CONTRACT_STATUSES } from '../domain/transitions';
import { allocateNumber } from './billing';
import { isSystemWrite } from '../audit/actor';
import { changedFields, requireRelation } from './helpers';
import { updateEntity } from '../repositories/records';
import { UID } from '../constants';
import { pluginConfig } from '../config/plugin-config';
import { removePrivateFile } from '../storage/private-files';
import { type RecordRule } from './types';
import { idOf, type Entity } from '../repositories/rows';

const AWAITING_SIGNATURES = ['sent', 'partially_signed'];

/** What a signature covers: none of it changes after signing (amend the contract instead). */
const SIGNED_TERMS = ['title', 'kind', 'client', 'effectiveDate', 'endDate', 'value', 'currency', 'fileKey', 'fileHash', 'version', 'amends'];

const FILE_FIELDS = ['fileKey', 'fileHash'];

/**
 * A contract recorded as signed on paper may get the scan of what was signed, once, from the
 * server's own upload (`signing/upload.ts`); the PDF of a contract that had one never changes.
 */
const firstScan = (before: Entity, changed: string[]) =>
  isSystemWrite() && !before.fileKey && changed.every((field) => FILE_FIELDS.includes(field));

export const contractRule: RecordRule = {
  populate: ['client', 'amends', 'signatories'],

  before({ action, data, before }) {
    if (action === 'delete') {
      if (before && (SIGNED_CONTRACT_STATUSES.includes(before.state as string) || before.state === 'partially_signed')) {
        throw fieldError('state', 'a signed contract cannot be deleted; terminate it instead');
      }
      return;
    }
    const status = data.state as string | undefined;
    if (!before) {
      if (status && !['draft', 'sent', 'signed', 'active'].includes(status)) {
        throw fieldError('state', 'a new contract starts as draft or sent (signed or active for one signed on paper)');
      }
      return;
    }
    // Cancelling a request takes it back to draft from any state awaiting signatures, with a trail
    // event saying so (`signing/requests.ts`); by hand, signatures given could vanish unrecorded.
    const cancelled = isSystemWrite() && status === 'draft' && AWAITING_SIGNATURES.includes(before.state as string);
    if (status && !cancelled && !canMove(CONTRACT_TRANSITIONS, before.state as string, status)) {
      throw fieldError('state', `a contract cannot go from ${before.state} to ${status}`);
    }
  },

  async after({ strapi, trx, action, before, after }) {
    const storageKey = action === 'delete' ? (before?.fileKey as string | null | undefined) : null;
    // The bytes go only once the deletion is committed: a rolled-back delete keeps its PDF.
    if (storageKey) await strapi.db.transaction(async ({ onCommit }) => onCommit(() => void removePrivateFile(strapi, storageKey)));
    if (!after) return;
    const client = requireRelation(after, 'client', 'every contract belongs to a client');
    if (before && SIGNED_CONTRACT_STATUSES.includes(before.state as string)) {
      const changed = changedFields(before, after, SIGNED_TERMS);
      if (changed.length && !firstScan(before, changed)) {
        throw fieldError(changed[0], 'a signed contract cannot be edited; create an amendment instead');
      }
    }
    // Signatories sign the PDF as it was sent; to change anything, staff recall it to draft first.
    if (before && AWAITING_SIGNATURES.includes(before.state as string) && after.state !== 'draft' && !isSystemWrite()) {
      const changed = changedFields(before, after, [...SIGNED_TERMS, 'signatories', 'sequentialSigning']);
      if (changed.length) {
        throw fieldError(changed[0], 'this contract is out for signature; set it back to draft before changing it');
      }
    }
    const amends = after.amends as Entity | null;
    if (after.kind === 'amendment' && !amends) {
      throw fieldError('amends', 'an amendment names the contract it amends');
    }
    if (amends) {
      if (amends.id === after.id) throw fieldError('amends', 'a contract cannot amend itself');
      const amended = await strapi.db
        .query(UID.contract as never)
        .findOne({ where: { id: amends.id }, populate: ['client'] });
      if (idOf(amended as Entity, 'client') !== client.id) throw fieldError('amends', 'must be a contract of the same client');
    }
    const signatories = (after.signatories as Entity[]) ?? [];
    if (signatories.length) {
      const memberships = (await strapi.db
        .query(UID.membership as never)
        .findMany({ where: { id: { $in: signatories.map((s) => s.id) } }, populate: ['client'] })) as Entity[];
      if (memberships.some((m) => idOf(m, 'client') !== client.id)) {
        throw fieldError('signatories', "must be contacts of the contract's client");
      }
    }

    const updates: Record<string, unknown> = {};
    if (!after.number) {
      updates.number = await allocateNumber(trx, 'contract', pluginConfig(strapi, 'contractNumberFormat'), new Date());
    }
    if (!after.currency) updates.currency = (client.currency as string) || pluginConfig(strapi, 'defaultCurrency');
    if (after.state === 'sent' && !after.sentAt) updates.sentAt = new Date();
    if (after.state === 'signed' && !after.signedAt) updates.signedAt = new Date();
    await updateEntity(strapi, UID.contract, after.id, updates);
  },

  label: (contract) => `Contract ${(contract.number as string) || ''} ${contract.title ?? ''}`.replace(/\s+/g, ' ').trim(),
  clientId: (contract) => idOf(contract, 'client'),
  visibleToClient: (contract, changed) =>
    contract.state !== 'draft' && !(changed.length > 0 && changed.every((f) => f === 'internalNotes')),
};
