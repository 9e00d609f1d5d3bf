import { hasBeenBilled } from '../billing/hours';
import { fieldError, fieldRefusal } from '../domain/errors';
import { UID } from '../constants';
import { updateEntity } from '../repositories/records';
import { idOf, type Entity } from '../repositories/rows';
import { changedFields, requireRelation } from './helpers';
import type { RecordRule } from './types';

const clientOf = (entity: Entity) => idOf(entity, 'client');

/** What the billing periods are cut from: once one is billed, changing them would bill days twice or never. */
const SCHEDULE = ['startDate', 'interval'];

export const retainerRule: RecordRule = {
  populate: ['client', 'contract'],
  before({ data }) {
    if ('amount' in data && data.amount !== null && !(Number(data.amount) > 0)) throw fieldError('amount', 'must be more than zero');
    if ('hourlyRate' in data && data.hourlyRate !== null && data.hourlyRate !== undefined && !(Number(data.hourlyRate) >= 0)) {
      throw fieldError('hourlyRate', 'must not be negative');
    }
  },
  async after({ strapi, trx, before, after }) {
    if (!after) return;
    const client = requireRelation(after, 'client', 'every retainer belongs to a client');
    const from = after.startDate as string | null;
    const to = after.endDate as string | null;
    if (from && to && to < from) throw fieldError('endDate', 'must not be before startDate');
    const updates: Record<string, unknown> = {};
    if (before) {
      const moved = changedFields(before, after, SCHEDULE);
      const billed = (moved.length > 0 || idOf(before, 'client') !== client.id) && (await hasBeenBilled(strapi, after.id, trx));
      if (billed && moved.length) {
        throw fieldRefusal(409, moved[0]!, 'cannot change once the retainer has been billed; end it and start a new retainer instead');
      }
      if (billed) throw fieldRefusal(409, 'client', 'cannot change once the retainer has been billed');
      // Nothing billed yet: the first run follows the new start.
      if (moved.includes('startDate')) updates.nextRunDate = after.startDate;
    }
    const contract = after.contract as Entity | null;
    if (contract) {
      const full = (await strapi.db.query(UID.contract as never).findOne({ where: { id: contract.id }, populate: ['client'] })) as Entity;
      if (clientOf(full) !== client.id) throw fieldError('contract', 'must be a contract of the same client');
    }
    if (!after.currency) updates.currency = client.currency;
    if (!before && !after.nextRunDate) updates.nextRunDate = after.startDate;
    await updateEntity(strapi, UID.retainer, after.id, updates);
  },
  label: (retainer) => `Retainer ${retainer.title}`,
  clientId: clientOf,
};
