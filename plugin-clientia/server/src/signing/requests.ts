import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { z } from 'zod';

import type { cancelSigningRequest, remindSignatoryRequest } from '../../../shared/contracts/admin-contracts';
import { asSystem } from '../audit/actor';
import { UID } from '../constants';
import { today } from '../domain/calendar';
import { fieldError, fieldRefusal } from '../domain/errors';
import { loadFirmEmailSettings, queueEmail, withdrawQueued } from '../email';
import { documents, records } from '../repositories/records';
import { text } from '../repositories/rows';
import type { SignerContext } from './signer-context';
import { currentTurn, loadSigningState, SIGNABLE_STATES, type SigningState } from './state';
import { appendEvent, withContractLock } from './trail';
import { blankEvent, contractVars, languagesOf, NO_CONTRACT, roundOf, SIGNING_REQUEST_KEY } from './workflow';

export const REMINDER_KEY = 'contract_reminder';

type StaffContext = SignerContext & { staffEmail: string | null };

const contractIdOf = async (strapi: Core.Strapi, documentId: string) => {
  const found = await records(strapi, UID.contract).findOne({ select: ['id'], where: { documentId } });
  if (!found) throw new errors.NotFoundError(NO_CONTRACT);
  return Number(found.id);
};

const stateWords = (state: SigningState) => text(state.contract.state).replace('_', ' ');

/** A 409 for an action only a contract out for signature allows. */
const notOutForSignature = (state: SigningState, action: string) =>
  fieldRefusal(409, 'state', `only a contract out for signature can be ${action}; this contract is ${stateWords(state)}`, { refusal: 'not_signable' });

const reload = async (strapi: Core.Strapi, contractId: number) => (await loadSigningState(strapi, { id: contractId }))!;

/**
 * Staff remind a signatory whose turn it is: the signing request again, as a reminder, in their
 * language, through the outbox. At most one a day per signatory and sending: a second click the
 * same day is refused rather than mailed twice.
 */
export const remindSignatory = async (strapi: Core.Strapi, documentId: string, { signatory }: z.output<typeof remindSignatoryRequest>) => {
  const contractId = await contractIdOf(strapi, documentId);
  await withContractLock(strapi, contractId, async () => {
    const state = await reload(strapi, contractId);
    if (!SIGNABLE_STATES.includes(text(state.contract.state))) throw notOutForSignature(state, 'reminded');
    const who = state.signatories.find((candidate) => candidate.membershipDocumentId === signatory);
    if (!who) throw fieldError('signatory', 'is not a signatory of this contract');
    if (who.status !== 'pending') throw fieldRefusal(409, 'signatory', `has ${who.status} already`, { refusal: `already_${who.status}` });
    if (!currentTurn(state).includes(who)) {
      throw fieldRefusal(409, 'signatory', 'is not to sign yet: the contract is signed in order and an earlier signatory has not signed', { refusal: 'not_their_turn' });
    }
    if (!who.email) throw fieldError('signatory', 'has no e-mail address to remind');
    const firm = await loadFirmEmailSettings(strapi);
    const languages = await languagesOf(strapi, [who.membershipId]);
    const queued = await queueEmail(
      strapi,
      {
        kind: 'contract_reminder',
        to: { email: who.email, name: who.name, locale: languages.get(who.membershipId) ?? 'en' },
        vars: contractVars(state),
        clientId: state.client.id,
        dedupeKey: `${REMINDER_KEY}:${state.contract.documentId}:${roundOf(state)}:${who.email}:${today()}`,
      },
      firm
    );
    if (!queued.created) {
      throw fieldRefusal(409, 'signatory', 'has been reminded today already; remind them again tomorrow', { refusal: 'reminded_today' });
    }
  });
  return reload(strapi, contractId);
};

/**
 * The signatories of this round who know of the request: they signed, or their request left (or
 * is leaving) the outbox. One whose request was still queued, or whose turn never came, was never
 * asked, and is not told of a withdrawal either.
 */
const askedToSign = async (strapi: Core.Strapi, state: SigningState) => {
  const prefix = `${SIGNING_REQUEST_KEY}:${state.contract.documentId}:${roundOf(state)}:`;
  const requests = await records(strapi, UID.outboundEmail).findMany({
    select: ['dedupeKey'],
    where: { kind: 'contract_to_sign', state: { $in: ['sending', 'sent'] }, dedupeKey: { $startsWith: prefix } },
  });
  const reached = new Set(requests.map((row) => text(row.dedupeKey)).filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length).toLowerCase()));
  return state.signatories.filter((who) => who.email && (who.status === 'signed' || reached.has(who.email.toLowerCase())));
};

/** Each signatory who was asked hears that the request is withdrawn, in their language, through the outbox. */
const tellWithdrawn = async (strapi: Core.Strapi, state: SigningState, asked: SigningState['signatories'], reason: string | null) => {
  if (asked.length === 0) return;
  const firm = await loadFirmEmailSettings(strapi);
  const languages = await languagesOf(strapi, asked.map((who) => who.membershipId));
  for (const who of asked) {
    await queueEmail(
      strapi,
      {
        kind: 'contract_withdrawn',
        to: { email: who.email!, name: who.name, locale: languages.get(who.membershipId) ?? 'en' },
        vars: { ...contractVars(state), reason },
        clientId: state.client.id,
        dedupeKey: `contract_withdrawn:${state.contract.documentId}:${roundOf(state)}:${who.email}`,
      },
      firm
    );
  }
};

/**
 * Staff withdraw a contract that is out for signature: the trail records who cancelled it and
 * why, the contract is a draft again, which no signatory can sign (or even see), signing
 * requests still waiting in the outbox are not sent, and each signatory who was asked is told. Sending it again starts a new round;
 * signatures given before the cancellation no longer count.
 */
export const cancelSigning = async (
  strapi: Core.Strapi,
  documentId: string,
  input: z.output<typeof cancelSigningRequest>,
  context: StaffContext
) => {
  const contractId = await contractIdOf(strapi, documentId);
  await withContractLock(strapi, contractId, async () => {
    const state = await reload(strapi, contractId);
    if (!SIGNABLE_STATES.includes(text(state.contract.state))) throw notOutForSignature(state, 'cancelled');
    const reason = input?.reason ?? null;
    await appendEvent(strapi, state.contract, { ...blankEvent(state, 'cancelled', context), email: context.staffEmail, reason });
    await asSystem(() => documents(strapi, UID.contract).update({ documentId, data: { state: 'draft', sentAt: null } }));
    const asked = await askedToSign(strapi, state);
    // Requests and reminders not sent yet would ask for a signature nobody can give any more.
    for (const kind of [SIGNING_REQUEST_KEY, REMINDER_KEY]) await withdrawQueued(strapi, `${kind}:${state.contract.documentId}:`);
    await tellWithdrawn(strapi, state, asked, reason);
  });
  return reload(strapi, contractId);
};
