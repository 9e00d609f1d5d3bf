import { billedBefore } from '../billing/hours';
import { fieldError, fieldRefusal } from '../domain/errors';
import { UID } from '../constants';
import { lockRow, updateEntity } from '../repositories/records';
import { idOf, isoDate, type Entity } from '../repositories/rows';
import type { RecordRule, RuleContext } from './types';

const clientOf = (entity: Entity) => idOf(entity, 'client');

/**
 * An entry whose hours have been billed stays as it is: the invoice that billed them was worked
 * out from them. The retainer's row is locked first, and the billing run takes the same lock
 * before it counts a period's hours, so an entry is never changed while its period is being billed.
 */
const refuseIfBilled = async ({ strapi, trx }: RuleContext, entry: Entity, change: 'changed' | 'logged') => {
  const retainerId = idOf(entry, 'retainer');
  const date = isoDate(entry.date);
  if (!retainerId || !date) return;
  await lockRow(strapi, trx, strapi.db.metadata.get(UID.retainer as never).tableName, retainerId);
  const before = await billedBefore(strapi, retainerId, trx);
  if (before && date < before) {
    const message =
      change === 'changed'
        ? `this time entry has been billed (the retainer's hours before ${before} are invoiced); it can no longer be changed or deleted`
        : `the retainer's hours before ${before} have been billed; log this time in a period that is not billed yet`;
    throw fieldRefusal(409, 'date', message, { refusal: 'billed', billedBefore: before });
  }
};

/** Hours count in the retainer's periods: a day before it starts or after it ends belongs to none. */
const withinRetainer = (entry: Entity, retainer: Entity) => {
  const date = isoDate(entry.date);
  const start = isoDate(retainer.startDate);
  const end = isoDate(retainer.endDate);
  if (date && start && date < start) throw fieldError('date', `must not be before the retainer starts (${start})`);
  if (date && end && date > end) throw fieldError('date', `must not be after the retainer ended (${end})`);
};

export const timeEntryRule: RecordRule = {
  populate: ['client', 'retainer', 'project'],
  async before(ctx) {
    const { data, before } = ctx;
    if ('hours' in data) {
      const hours = Number(data.hours);
      if (!(hours > 0) || hours > 24) throw fieldError('hours', 'must be more than 0 and at most 24 for one day');
    }
    if (before) await refuseIfBilled(ctx, before, 'changed');
  },
  async after(ctx) {
    const { strapi, after } = ctx;
    if (!after) return;
    const owners: number[] = [];
    for (const [relation, uid] of [
      ['retainer', UID.retainer],
      ['project', UID.project],
    ] as const) {
      const ref = after[relation] as Entity | null;
      if (!ref) continue;
      const full = (await strapi.db.query(uid as never).findOne({ where: { id: ref.id }, populate: ['client'] })) as Entity;
      owners.push(clientOf(full)!);
      if (relation === 'retainer') withinRetainer(after, full);
    }
    const clientId = clientOf(after) ?? owners[0];
    if (!clientId) throw fieldError('client', 'a time entry belongs to a client, through a retainer or a project');
    if (owners.some((owner) => owner !== clientId)) throw fieldError('retainer', 'retainer and project must be of the same client');
    await refuseIfBilled(ctx, after, 'logged');
    if (clientOf(after) !== clientId) await updateEntity(strapi, UID.timeEntry, after.id, { client: clientId });
  },
  label: (entry) => `Time entry of ${entry.hours} h on ${entry.date}`,
  clientId: clientOf,
  visibleToClient: () => false,
};
