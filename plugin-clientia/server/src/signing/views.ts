import type { Core } from '@strapi/strapi';

import type { AdminSigningView, CompletedDocument, PortalSigningView, SigningLocale } from '../../../shared/contracts/signing';
import { UID } from '../constants';
import { bool, isoDate, isoDateTime, numberOrNull, relation, text, textOrNull, type Row } from '../repositories/rows';
import { money } from '../serializers/values';
import { records } from '../repositories/records';
import { consentFor } from './consent';
import { CONTRACT_FILE_SELECT, hasContractFile, readContractDocument } from './document';
import { trailEntry } from './verify';
import { refusalFor, signatoryOf } from './refusals';
import { canBeSignatory, type SigningState } from './state';
import { ACTIVE_MEMBERSHIP } from '../repositories/memberships';

/** The contract's own fields staff edit on the signing page. */
const EDITABLE_FIELDS = ['id', 'effectiveDate', 'endDate', 'renewalDate', 'value', 'currency', 'internalNotes'] as const;

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
  const [details, candidates, amendments] = await Promise.all([
    records(strapi, UID.contract).findOne({
      select: [...EDITABLE_FIELDS, ...CONTRACT_FILE_SELECT, 'fileName', 'fileSize', 'fileHash'],
      where: { id: state.contract.id },
      populate: { amends: { select: ['documentId', 'number', 'title'] } },
    }),
    records(strapi, UID.membership).findMany({
      select: ['id', 'documentId', 'name', 'role', 'signatory'],
      // A contact the firm deactivated cannot sign, so is not offered.
      where: { client: { id: state.client.id }, ...ACTIVE_MEMBERSHIP },
      populate: { user: { select: ['email', 'blocked'] } },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    }),
    records(strapi, UID.contract).findMany({
      select: ['id', 'documentId', 'number', 'title', 'state'],
      where: { amends: { id: state.contract.id } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
  ]);
  const amends = details ? relation(details, 'amends') : null;
  const hasFile = details ? hasContractFile(details) : false;
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
      hasFile,
      file: hasFile
        ? { storage: 'private', name: textOrNull(details!.fileName), size: numberOrNull(details!.fileSize), sha256: textOrNull(details!.fileHash) }
        : null,
      documentHash: textOrNull(state.contract.documentHash),
      sequentialSigning: state.sequential,
      sentAt: isoDateTime(state.contract.sentAt),
      signedAt: isoDateTime(state.contract.signedAt),
      amends: amends ? { documentId: text(amends.documentId), number: textOrNull(amends.number), title: text(amends.title) } : null,
      effectiveDate: isoDate(details?.effectiveDate),
      endDate: isoDate(details?.endDate),
      renewalDate: isoDate(details?.renewalDate),
      value: details && details.value !== null && details.value !== undefined ? money(details.value, details.currency) : null,
      currency: text(details?.currency),
      internalNotes: textOrNull(details?.internalNotes),
    },
    amendments: amendments.map((row) => ({
      documentId: text(row.documentId),
      number: textOrNull(row.number),
      title: text(row.title),
      state: text(row.state),
    })),
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
