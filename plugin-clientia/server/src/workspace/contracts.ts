import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { z } from 'zod';

import type { amendContractRequest, createContractRequest, updateContractRequest } from '../../../shared/contracts/admin-contracts';
import type { AdminSigningView } from '../../../shared/contracts/signing';
import { UID } from '../constants';
import { fieldError, fieldRefusal } from '../domain/errors';
import { documents, records } from '../repositories/records';
import { relation, text } from '../repositories/rows';
import { staffSigningView } from '../signing/staff';
import { NO_CONTRACT } from '../signing/workflow';

const NO_CLIENT = 'No client has this documentId';

/** A signed contract is amended, not edited: these are the states an amendment can start from. */
const AMENDABLE_STATES = ['signed', 'active'];

/** Undefined fields are left out, so a field the request did not name keeps its value. */
const given = (input: Record<string, unknown>) => Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));

/** A new draft for the client: staff upload its PDF and send it from its signing page. */
export const createContract = async (
  strapi: Core.Strapi,
  clientDocumentId: string,
  input: z.output<typeof createContractRequest>
): Promise<AdminSigningView> => {
  const client = await records(strapi, UID.client).findOne({ select: ['id'], where: { documentId: clientDocumentId } });
  if (!client) throw new errors.NotFoundError(NO_CLIENT);
  const created = await documents(strapi, UID.contract).create({ data: { ...given(input), client: clientDocumentId, state: 'draft' } });
  return staffSigningView(strapi, text(created.documentId));
};

/**
 * Changes a contract's terms. The contract rule decides what may change in which state: a draft
 * anything, a contract out for signature or signed only what its signature does not cover (the
 * renewal date, the notes); the refusal names the field.
 */
export const updateContract = async (
  strapi: Core.Strapi,
  documentId: string,
  input: z.output<typeof updateContractRequest>
): Promise<AdminSigningView> => {
  const contract = await records(strapi, UID.contract).findOne({ select: ['id', 'kind'], where: { documentId } });
  if (!contract) throw new errors.NotFoundError(NO_CONTRACT);
  if (contract.kind === 'amendment' && input.kind !== undefined) {
    throw fieldError('kind', 'an amendment stays an amendment; create a new contract for another kind');
  }
  await documents(strapi, UID.contract).update({ documentId, data: given(input) });
  return staffSigningView(strapi, documentId);
};

/**
 * An amendment of a signed contract: a new draft of the same client that names the contract it
 * amends. The signed contract itself is not touched; it stays as it was signed.
 */
export const amendContract = async (
  strapi: Core.Strapi,
  documentId: string,
  input: z.output<typeof amendContractRequest>
): Promise<AdminSigningView> => {
  const original = await records(strapi, UID.contract).findOne({
    select: ['id', 'documentId', 'title', 'state', 'currency'],
    where: { documentId },
    populate: { client: { select: ['documentId'] } },
  });
  if (!original) throw new errors.NotFoundError(NO_CONTRACT);
  if (!AMENDABLE_STATES.includes(text(original.state))) {
    throw fieldRefusal(409, 'state', `only a signed or active contract is amended; this contract is ${text(original.state).replace('_', ' ')}`, {
      refusal: 'not_amendable',
    });
  }
  const title = input?.title ?? `Amendment to ${text(original.title)}`.slice(0, 300);
  const created = await documents(strapi, UID.contract).create({
    data: {
      client: text(relation(original, 'client')?.documentId),
      title,
      kind: 'amendment',
      amends: documentId,
      state: 'draft',
      currency: text(original.currency) || undefined,
    },
  });
  return staffSigningView(strapi, text(created.documentId));
};
