import type { Core } from '@strapi/strapi';

import type { AdminSigningView, CompletedDocument, PortalSigningView, SigningLocale } from '../../../shared/contracts/signing';
import { UID } from '../rules/helpers';
import { bool, isoDateTime, numberOrNull, relation, text, textOrNull, type Row } from '../serializers/values';
import { records } from '../services/records';
import { consentFor } from './consent';
import { readContractDocument } from './document';
import { trailEntry } from './verify';
import { refusalFor, signatoryOf } from './refusals';
import { canBeSignatory, type SigningState } from './state';

const completedOf = (state: SigningState): CompletedDocument | null => {
  const { contract } = state;
  const sha256 = textOrNull(contract.completedFileHash);
  if (!sha256) return null;
  return {
    sha256,
    verificationCode: text(contract.verificationCode),
    completedAt: isoDateTime(contract.completedAt) ?? '',
    size: numberOrNull(contract.completedFileSize) ?? 0,
  };
};

export const portalSigningView = (state: SigningState, membershipId: number, locale: SigningLocale): PortalSigningView => {
  const me = signatoryOf(state, membershipId);
  const refusal = refusalFor(state, membershipId);
  return {
    contract: {
      documentId: state.contract.documentId,
      number: textOrNull(state.contract.number),
      title: text(state.contract.title),
      version: state.version,
      status: text(state.contract.state),
    },
    documentHash: textOrNull(state.contract.documentHash),
    sequential: state.sequential,
    signatories: state.signatories.map((signatory) => ({
      name: signatory.name,
      order: signatory.order,
      status: signatory.status,
      at: signatory.at,
      isCaller: signatory.membershipId === membershipId,
    })),
    caller: {
      canSign: refusal === null,
      refusal,
      signedAt: me?.status === 'signed' ? me.at : null,
      declinedAt: me?.status === 'declined' ? me.at : null,
    },
    consent: consentFor(locale),
    completed: completedOf(state),
    declineReason: textOrNull(state.contract.declineReason),
  };
};

/** Why staff cannot send the contract now, in words, or null. */
const cannotSend = async (strapi: Core.Strapi, state: SigningState): Promise<string | null> => {
  if (state.contract.state !== 'draft') return `Only a draft can be sent; this contract is ${text(state.contract.state).replace('_', ' ')}.`;
  const document = await readContractDocument(strapi, state.contract.id);
  if (!document) return 'Attach the contract PDF first.';
  return null;
};

export const adminSigningView = async (strapi: Core.Strapi, state: SigningState): Promise<AdminSigningView> => {
  const [details, candidates] = await Promise.all([
    records(strapi, UID.contract).findOne({
      select: ['id'],
      where: { id: state.contract.id },
      populate: { file: { select: ['id'] }, amends: { select: ['documentId', 'number', 'title'] } },
    }),
    records(strapi, UID.membership).findMany({
      select: ['id', 'documentId', 'name', 'role', 'signatory'],
      where: { client: { id: state.client.id } },
      populate: { user: { select: ['email', 'blocked'] } },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    }),
  ]);
  const amends = details ? relation(details, 'amends') : null;
  const reason = await cannotSend(strapi, state);
  return {
    contract: {
      documentId: state.contract.documentId,
      number: textOrNull(state.contract.number),
      title: text(state.contract.title),
      kind: text(state.contract.kind),
      state: text(state.contract.state),
      version: state.version,
      client: { documentId: state.client.documentId, name: state.client.name },
      hasFile: Boolean(details && relation(details, 'file')),
      documentHash: textOrNull(state.contract.documentHash),
      sequentialSigning: state.sequential,
      sentAt: isoDateTime(state.contract.sentAt),
      signedAt: isoDateTime(state.contract.signedAt),
      amends: amends ? { documentId: text(amends.documentId), number: textOrNull(amends.number), title: text(amends.title) } : null,
    },
    canSend: reason === null,
    cannotSendReason: reason,
    candidates: candidates.map((membership: Row) => {
      const user = relation(membership, 'user');
      return {
        documentId: text(membership.documentId),
        name: textOrNull(membership.name),
        email: textOrNull(user?.email),
        role: (text(membership.role) || 'member') as AdminSigningView['candidates'][number]['role'],
        eligible: canBeSignatory(membership) && Boolean(user) && !bool(user?.blocked),
      };
    }),
    signatories: state.signatories.map((signatory) => ({
      documentId: signatory.membershipDocumentId,
      name: signatory.name,
      email: signatory.email,
      order: signatory.order,
      status: signatory.status,
      at: signatory.at,
      isCaller: false,
    })),
    completed: completedOf(state),
    declineReason: textOrNull(state.contract.declineReason),
    events: state.trail.map((event) => ({
      ...trailEntry(event),
      contractVersion: event.contractVersion,
      documentHash: event.documentHash,
      email: event.email,
      typedName: event.typedName,
      consentVersion: event.consentVersion,
      ip: event.ip,
      userAgent: event.userAgent,
      sessionHash: event.sessionHash,
      authMethod: event.authMethod,
      reason: event.reason,
      previousHash: event.previousHash,
    })),
  };
};
