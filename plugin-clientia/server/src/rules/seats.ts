import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { fieldError } from '../domain/errors';
import { requireRelation } from './helpers';
import { lockRow, updateEntity } from '../repositories/records';
import { UID } from '../constants';
import { type RecordRule } from './types';
import { idOf, type Entity } from '../repositories/rows';

const assignedSeatCount = async (strapi: Core.Strapi, licenceId: number) =>
  Number(
    await strapi.db.query(UID.seat as never).count({
      where: { licence: { id: licenceId }, assigneeEmail: { $notNull: true, $ne: '' } },
    })
  );

/**
 * Assigned seats never exceed seats purchased. The licence row is locked before counting, so
 * of two assignments racing for the last seat the second waits, counts again and is refused.
 */
const checkCapacity = async (strapi: Core.Strapi, trx: Knex.Transaction, licenceId: number, field: string) => {
  await lockRow(strapi, trx, 'clientia_licences', licenceId);
  const licence = (await strapi.db.query(UID.licence as never).findOne({ where: { id: licenceId } })) as Entity;
  const assigned = await assignedSeatCount(strapi, licenceId);
  const purchased = Number(licence.seatsPurchased ?? 0);
  if (assigned > purchased) {
    throw fieldError(
      field,
      field === 'seatsPurchased'
        ? `${assigned} seats are assigned; free some before reducing to ${purchased}`
        : `all ${purchased} seats of ${licence.product} are assigned; free one or buy more`
    );
  }
};

export const seatRule: RecordRule = {
  populate: ['licence', 'client'],
  checksTotals: true,

  before({ data }) {
    if (typeof data.assigneeEmail === 'string') data.assigneeEmail = data.assigneeEmail.trim().toLowerCase();
    if (typeof data.assigneeName === 'string') data.assigneeName = data.assigneeName.trim();
  },

  async after({ strapi, trx, before, after }) {
    if (!after) return;
    const licence = requireRelation(after, 'licence', 'every seat belongs to a licence');
    const email = (after.assigneeEmail as string | null) || null;
    if (email && !after.assigneeName) throw fieldError('assigneeName', 'name the person the seat is assigned to');
    const updates: Record<string, unknown> = {};
    const owner = (await strapi.db.query(UID.licence as never).findOne({ where: { id: licence.id }, populate: ['client'] })) as Entity;
    if (idOf(after, 'client') !== idOf(owner, 'client')) updates.client = idOf(owner, 'client');
    if (!email) {
      if (after.assignedAt || after.assigneeName) Object.assign(updates, { assignedAt: null, assigneeName: null, assigneeEmail: null });
    } else if (!after.assignedAt || (before && before.assigneeEmail !== email)) {
      updates.assignedAt = new Date();
    }
    await updateEntity(strapi, UID.seat, after.id, updates);
    if (email) await checkCapacity(strapi, trx, licence.id, 'assigneeEmail');
  },

  label: (seat) => `Seat${seat.assigneeName ? ` of ${seat.assigneeName}` : ' (vacant)'}`,
  clientId: (seat) => idOf(seat, 'client'),
};

export const licenceRule: RecordRule = {
  populate: ['client', 'seats'],
  checksTotals: true,

  before({ action, before }) {
    if (action === 'delete' && before) {
      const assigned = ((before.seats as Entity[]) ?? []).filter((s) => s.assigneeEmail);
      if (assigned.length) throw fieldError('seats', `${assigned.length} seats are still assigned; free them first`);
    }
  },

  async after({ strapi, trx, after }) {
    if (!after) return;
    requireRelation(after, 'client', 'every licence belongs to a client');
    await checkCapacity(strapi, trx, after.id, 'seatsPurchased');
  },

  label: (licence) => `Licence ${licence.product}${licence.plan ? ` (${licence.plan})` : ''}`,
  clientId: (licence) => idOf(licence, 'client'),
};
