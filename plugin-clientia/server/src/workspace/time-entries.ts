import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { z } from 'zod';

import type { createTimeEntryRequest, TimeEntry, updateTimeEntryRequest } from '../../../shared/contracts/admin-billing';
import { billedBefore } from '../billing/hours';
import { UID } from '../constants';
import { fieldError } from '../domain/errors';
import { documents, records } from '../repositories/records';
import { relation, rowId } from '../repositories/rows';
import { serializeTimeEntry, TIME_ENTRY_FIELDS, TIME_ENTRY_POPULATE } from '../serializers/time-entry';
import { NO_RETAINER } from './retainers';

const NO_TIME_ENTRY = 'No time entry has this documentId';

/** Hours are logged for someone who works at the firm now. */
const checkStaff = async (strapi: Core.Strapi, staffId: number) => {
  const user = await records(strapi, 'admin::user').findOne({ select: ['id'], where: { id: staffId, isActive: true } });
  if (!user) throw fieldError('staff', 'must be the id of an active staff member');
};

const entryOf = async (strapi: Core.Strapi, where: Record<string, unknown>): Promise<TimeEntry> => {
  const row = await records(strapi, UID.timeEntry).findOne({
    select: [...TIME_ENTRY_FIELDS],
    where,
    populate: { ...TIME_ENTRY_POPULATE, retainer: { select: ['id'] } },
  });
  if (!row) throw new errors.NotFoundError(NO_TIME_ENTRY);
  const retainerId = rowId(relation(row, 'retainer'));
  return serializeTimeEntry(row, retainerId === null ? null : await billedBefore(strapi, retainerId));
};

/**
 * Hours worked for the retainer's client, through the Document Service: the time-entry rule
 * takes the client from the retainer and refuses a day whose hours are billed already.
 */
export const logTime = async (
  strapi: Core.Strapi,
  retainerDocumentId: string,
  input: z.output<typeof createTimeEntryRequest>,
  callerId: number
): Promise<TimeEntry> => {
  const retainer = await records(strapi, UID.retainer).findOne({ select: ['id'], where: { documentId: retainerDocumentId } });
  if (!retainer) throw new errors.NotFoundError(NO_RETAINER);
  const staff = input.staff ?? callerId;
  await checkStaff(strapi, staff);
  const created = await documents(strapi, UID.timeEntry).create({
    data: {
      retainer: retainerDocumentId,
      date: input.date,
      hours: input.hours,
      description: input.description ?? null,
      billable: input.billable ?? true,
      staff,
    },
  });
  return entryOf(strapi, { id: created.id });
};

const findEntry = async (strapi: Core.Strapi, documentId: string) => {
  const row = await records(strapi, UID.timeEntry).findOne({ select: ['id'], where: { documentId } });
  if (!row) throw new errors.NotFoundError(NO_TIME_ENTRY);
};

/** Changes an entry until its hours are billed; then the time-entry rule refuses with a 409. */
export const updateTimeEntry = async (strapi: Core.Strapi, documentId: string, input: z.output<typeof updateTimeEntryRequest>): Promise<TimeEntry> => {
  await findEntry(strapi, documentId);
  if (input.staff !== undefined) await checkStaff(strapi, input.staff);
  const data = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  await documents(strapi, UID.timeEntry).update({ documentId, data });
  return entryOf(strapi, { documentId });
};

/** Deletes an entry until its hours are billed; then the time-entry rule refuses with a 409. */
export const deleteTimeEntry = async (strapi: Core.Strapi, documentId: string) => {
  await findEntry(strapi, documentId);
  await documents(strapi, UID.timeEntry).delete({ documentId });
};
