import type { Core } from '@strapi/strapi';

import { type PortalRole, CAPABILITIES } from '../../../shared/contracts/portal';
import type { SignatoryStatus } from '../../../shared/contracts/signing';
import { UID } from '../constants';
import { bool, isoDateTime, jsonValue, relation, relationList, rowId, text, textOrNull, type Row } from '../repositories/rows';
import { records } from '../repositories/records';
import type { ChainedEvent } from './chain';
import { trailOf } from './trail';

/** A contract waits for signatures in these states. */
export const SIGNABLE_STATES = ['sent', 'partially_signed'];

export interface Signatory {
  membershipId: number;
  membershipDocumentId: string;
  userId: number | null;
  userDocumentId: string | null;
  name: string | null;
  email: string | null;
  role: PortalRole;
  /** 1-based. */
  order: number;
  status: SignatoryStatus;
  at: string | null;
  /** The hash of their `signed` event in this round, for the certificate. */
  signedEvent: ChainedEvent | null;
}

export interface SigningState {
  contract: Row & { id: number; documentId: string };
  client: { id: number; documentId: string; name: string; timezone: string | null };
  version: number;
  sequential: boolean;
  signatories: Signatory[];
  /** Every event of the contract, oldest first. */
  trail: ChainedEvent[];
  /** The events since the contract was last sent: earlier rounds' signatures no longer count. */
  round: ChainedEvent[];
}

const CONTRACT_SIGNING_FIELDS = [
  'id',
  'documentId',
  'number',
  'title',
  'kind',
  'state',
  'version',
  'documentHash',
  'sequentialSigning',
  'signingOrder',
  'sentAt',
  'signedAt',
  'completedHash',
  'trailHead',
  'completedAt',
  'completedFileKey',
  'completedFileHash',
  'completedFileSize',
  'verificationCode',
  'declineReason',
] as const;

const SIGNATORY_POPULATE = {
  select: ['id', 'documentId', 'name', 'role', 'signatory'],
  populate: { user: { select: ['id', 'documentId', 'email', 'username'] } },
};

/** The order staff chose when sending: membership ids, kept on the contract. */
export const signingOrderOf = (value: unknown): number[] => {
  const list = jsonValue(value);
  return Array.isArray(list) ? list.map(Number).filter(Number.isInteger) : [];
};

/** Whether a contact can be asked to sign: marked as a signatory and allowed to see contracts. */
export const canBeSignatory = (membership: Row) =>
  bool(membership.signatory) && CAPABILITIES[(text(membership.role) || 'member') as PortalRole]?.has('contracts') === true;

/** Everything signing decides on: the contract, its signatories in order, and its trail. */
export const loadSigningState = async (strapi: Core.Strapi, where: Record<string, unknown>): Promise<SigningState | null> => {
  const contract = await records(strapi, UID.contract).findOne({
    select: [...CONTRACT_SIGNING_FIELDS],
    where,
    populate: {
      client: { select: ['id', 'documentId', 'name', 'timezone'] },
      signatories: SIGNATORY_POPULATE,
    },
  });
  if (!contract) return null;
  const client = relation(contract, 'client');
  const trail = await trailOf(strapi, Number(contract.id));
  const lastSent = trail.map((event) => event.type).lastIndexOf('sent');
  const round = lastSent >= 0 ? trail.slice(lastSent) : [];
  const version = Number(contract.version ?? 1);

  const order = signingOrderOf(contract.signingOrder);
  const place = (membership: Row) => {
    const index = order.indexOf(Number(membership.id));
    return index >= 0 ? index : order.length;
  };
  const memberships = relationList(contract, 'signatories').sort(
    (a, b) => place(a) - place(b) || text(a.name).localeCompare(text(b.name)) || Number(a.id) - Number(b.id)
  );
  const signatories = memberships.map((membership, index): Signatory => {
    const user = relation(membership, 'user');
    const userDocumentId = textOrNull(user?.documentId);
    const ofThem = (type: string) =>
      round.find((event) => event.type === type && userDocumentId !== null && event.user === userDocumentId && event.contractVersion === version) ?? null;
    const signed = ofThem('signed');
    const declined = signed ? null : ofThem('declined');
    return {
      membershipId: Number(membership.id),
      membershipDocumentId: text(membership.documentId),
      userId: rowId(user),
      userDocumentId,
      name: textOrNull(membership.name) ?? textOrNull(user?.username),
      email: textOrNull(user?.email),
      role: (text(membership.role) || 'member') as PortalRole,
      order: index + 1,
      status: signed ? 'signed' : declined ? 'declined' : 'pending',
      at: isoDateTime((signed ?? declined)?.occurredAt),
      signedEvent: signed,
    };
  });

  return {
    contract: contract as SigningState['contract'],
    client: {
      id: Number(client?.id),
      documentId: text(client?.documentId),
      name: text(client?.name),
      timezone: textOrNull(client?.timezone),
    },
    version,
    sequential: bool(contract.sequentialSigning),
    signatories,
    trail,
    round,
  };
};

/** The signatories whose turn it is: all pending ones, or in order only the first pending one. */
export const currentTurn = (state: SigningState): Signatory[] => {
  if (!SIGNABLE_STATES.includes(text(state.contract.state))) return [];
  const pending = state.signatories.filter((signatory) => signatory.status === 'pending');
  return state.sequential ? pending.slice(0, 1) : pending;
};

