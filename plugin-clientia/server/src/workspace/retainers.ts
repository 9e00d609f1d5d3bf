import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { z } from 'zod';

import type { AdminRetainer, createRetainerRequest, updateRetainerRequest } from '../../../shared/contracts/admin-billing';
import { hasBeenBilled } from '../billing/hours';
import { UID } from '../constants';
import { fieldError } from '../domain/errors';
import { documents, records } from '../repositories/records';
import { text } from '../repositories/rows';
import { ADMIN_RETAINER_FIELDS, ADMIN_RETAINER_POPULATE, serializeAdminRetainer } from '../serializers/retainer';

export const NO_RETAINER = 'No retainer has this documentId';

/** Undefined fields are left out, so a field the request did not name keeps its value. */
const given = (input: Record<string, unknown>) => Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));

/** The retainer as staff edit it, or a 404. */
const adminRetainer = async (strapi: Core.Strapi, where: Record<string, unknown>): Promise<AdminRetainer> => {
  const row = await records(strapi, UID.retainer).findOne({ select: [...ADMIN_RETAINER_FIELDS], where, populate: ADMIN_RETAINER_POPULATE });
  if (!row) throw new errors.NotFoundError(NO_RETAINER);
  return serializeAdminRetainer(row, await hasBeenBilled(strapi, Number(row.id)));
};

/** The contract must be one of the retainer's client; named by its documentId, a foreign one is a 400, not a 404. */
const checkContract = async (strapi: Core.Strapi, clientId: number, contract: string | null | undefined) => {
  if (!contract) return;
  const found = await records(strapi, UID.contract).findOne({ select: ['id'], where: { documentId: contract, client: { id: clientId } } });
  if (!found) throw fieldError('contract', 'must be a contract of this client');
};

/** A new retainer of the client; the retainer rule fills in the currency and the first run date. */
export const createRetainer = async (
  strapi: Core.Strapi,
  clientDocumentId: string,
  input: z.output<typeof createRetainerRequest>
): Promise<AdminRetainer> => {
  const client = await records(strapi, UID.client).findOne({ select: ['id'], where: { documentId: clientDocumentId } });
  if (!client) throw new errors.NotFoundError('No client has this documentId');
  await checkContract(strapi, Number(client.id), input.contract);
  const created = await documents(strapi, UID.retainer).create({ data: { ...given(input), client: clientDocumentId, state: 'active' } });
  return adminRetainer(strapi, { id: created.id });
};

/** Changes a retainer; once a period is billed its start date and interval stay (the retainer rule refuses them). */
export const updateRetainer = async (
  strapi: Core.Strapi,
  documentId: string,
  input: z.output<typeof updateRetainerRequest>
): Promise<AdminRetainer> => {
  const row = await records(strapi, UID.retainer).findOne({ select: ['id'], where: { documentId }, populate: { client: { select: ['id'] } } });
  if (!row) throw new errors.NotFoundError(NO_RETAINER);
  await checkContract(strapi, Number((row.client as { id?: unknown } | null)?.id), input.contract);
  await documents(strapi, UID.retainer).update({ documentId, data: given(input) });
  return adminRetainer(strapi, { documentId: text(documentId) });
};
