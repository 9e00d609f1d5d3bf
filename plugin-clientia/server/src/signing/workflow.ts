import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PDFDocument } from 'pdf-lib';

import type { z } from 'zod';

import type { DeclineContractRequest, SignContractRequest, sendContractRequest } from '../../../shared/contracts/signing';
import { fieldError } from '../domain/errors';
import { storePrivateFile, removePrivateFile } from '../storage/private-files';
import { asSystem } from '../audit/actor';
import { UID } from '../constants';
import { pluginConfig } from '../config/plugin-config';
import { text, textOrNull, type Row } from '../repositories/rows';
import { documents, records } from '../repositories/records';
import type { SignatureEventFields } from './chain';
import { buildCompletedPdf, verificationCodeOf } from './certificate';
import { consentByVersion } from './consent';
import { isPdf, readContractDocument } from './document';
import { loadFirmEmailSettings, queueEmail } from '../email';
import { refuse, refusalFor, signatoryOf } from './refusals';
import type { SignerContext } from './signer-context';
import { canBeSignatory, currentTurn, loadSigningState, type Signatory, type SigningState } from './state';
import { appendEvent, withContractLock } from './trail';

export const NO_CONTRACT = 'No contract with this id';

type EventFields = Omit<SignatureEventFields, 'contract'>;

const now = () => new Date().toISOString();

export const blankEvent = (state: SigningState, type: EventFields['type'], context: SignerContext | null): EventFields => ({
  client: state.client.documentId,
  type,
  contractVersion: state.version,
  documentHash: textOrNull(state.contract.documentHash),
  user: null,
  email: null,
  typedName: null,
  consentText: null,
  consentVersion: null,
  occurredAt: now(),
  ip: context?.ip ?? null,
  userAgent: context?.userAgent ?? null,
  sessionHash: context?.sessionHash ?? null,
  authMethod: context?.authMethod ?? null,
  reason: null,
});

/** Memberships' languages, for emails in each signatory's own. */
export const languagesOf = async (strapi: Core.Strapi, membershipIds: number[]) => {
  if (membershipIds.length === 0) return new Map<number, string | null>();
  const rows = await records(strapi, UID.membership).findMany({
    select: ['id', 'language'],
    where: { id: { $in: membershipIds } },
    populate: { client: { select: ['preferredLocale'] } },
  });
  return new Map(
    rows.map((row) => [Number(row.id), textOrNull(row.language) ?? textOrNull((row.client as Row | null)?.preferredLocale)] as const)
  );
};

export const contractVars = (state: SigningState) => ({
  contractId: state.contract.documentId,
  number: textOrNull(state.contract.number),
  title: text(state.contract.title),
});

/** Which sending of the contract an email belongs to: a contract recalled and sent again asks again. */
export const roundOf = (state: SigningState) => state.round[0]?.hash.slice(0, 16) ?? 'unsent';

export const SIGNING_REQUEST_KEY = 'contract_to_sign';

/**
 * Queues a signing request to each signatory whose turn it is, in the caller's transaction. The
 * outbox delivers it (retrying when the mail server refuses) and the trail records an
 * `email_delivered` event once the mail server has accepted it.
 */
const requestSignatures = async (strapi: Core.Strapi, state: SigningState, who: Signatory[]) => {
  const firm = await loadFirmEmailSettings(strapi);
  const languages = await languagesOf(strapi, who.map((signatory) => signatory.membershipId));
  for (const signatory of who) {
    if (!signatory.email) continue;
    await queueEmail(
      strapi,
      {
        kind: 'contract_to_sign',
        to: { email: signatory.email, name: signatory.name, locale: languages.get(signatory.membershipId) ?? 'en' },
        vars: contractVars(state),
        clientId: state.client.id,
        dedupeKey: `${SIGNING_REQUEST_KEY}:${state.contract.documentId}:${roundOf(state)}:${signatory.email}`,
      },
      firm
    );
  }
};

/** The signed PDF to every signatory and to the firm's inbox. */
const sendCompletedCopies = async (strapi: Core.Strapi, state: SigningState, pdf: Buffer) => {
  const firm = await loadFirmEmailSettings(strapi);
  const languages = await languagesOf(strapi, state.signatories.map((signatory) => signatory.membershipId));
  const recipients = state.signatories
    .filter((signatory) => signatory.email)
    .map((signatory) => ({ email: signatory.email!, name: signatory.name, locale: languages.get(signatory.membershipId) ?? 'en' }));
  const inbox = firm.sender.inbox;
  if (inbox && !recipients.some((recipient) => recipient.email.toLowerCase() === inbox.toLowerCase())) {
    recipients.push({ email: inbox, name: firm.brand.firmName, locale: firm.defaultLocale });
  }
  const filename = `${(textOrNull(state.contract.number) ?? 'contract').replace(/[^A-Za-z0-9._-]+/g, '-')}-signed.pdf`;
  for (const recipient of recipients) {
    await queueEmail(
      strapi,
      {
        kind: 'contract_completed',
        to: recipient,
        vars: { ...contractVars(state), verificationCode: text(state.contract.verificationCode) },
        attachments: [{ filename, contentType: 'application/pdf', content: pdf }],
        clientId: state.client.id,
        dedupeKey: `contract_completed:${state.contract.documentId}:${recipient.email}`,
      },
      firm
    );
  }
};

/** The state again after a write, for the answer. */
const reload = async (strapi: Core.Strapi, contractId: number) => (await loadSigningState(strapi, { id: contractId }))!;

/**
 * Staff send a draft for signature: the chosen contacts, in order when `sequential`. The PDF's
 * SHA-256 is recorded now; every signature must be made on exactly those bytes.
 */
export const sendForSignature = async (
  strapi: Core.Strapi,
  documentId: string,
  input: z.output<typeof sendContractRequest>,
  context: SignerContext & { staffEmail: string | null }
) => {
  const found = await records(strapi, UID.contract).findOne({ select: ['id'], where: { documentId } });
  if (!found) throw new errors.NotFoundError(NO_CONTRACT);
  const contractId = Number(found.id);

  await withContractLock(strapi, contractId, async () => {
    const state = (await loadSigningState(strapi, { id: contractId }))!;
    if (state.contract.state !== 'draft') {
      throw fieldError('state', `only a draft can be sent for signature; this contract is ${text(state.contract.state)}`);
    }
    const memberships = await records(strapi, UID.membership).findMany({
      select: ['id', 'documentId', 'role', 'signatory', 'name', 'deactivatedAt'],
      where: { documentId: { $in: input.signatories } },
      populate: { client: { select: ['id'] }, user: { select: ['id', 'blocked'] } },
    });
    const ordered = input.signatories.map((id, index) => {
      const membership = memberships.find((row) => row.documentId === id);
      if (!membership || Number((membership.client as Row | null)?.id) !== state.client.id) {
        throw fieldError(['signatories', index], "is not a contact of the contract's client");
      }
      if (!canBeSignatory(membership)) {
        throw fieldError(['signatories', index], 'is not marked as a signatory, or their role cannot see contracts');
      }
      if (!membership.user || (membership.user as Row).blocked || membership.deactivatedAt) {
        throw fieldError(['signatories', index], 'has no active portal account');
      }
      return membership;
    });

    const document = await readContractDocument(strapi, contractId);
    if (!document) throw fieldError('file', 'attach the contract PDF before sending it for signature');
    if (!isPdf(document.bytes)) throw fieldError('file', 'must be a PDF to be signed in the portal');
    try {
      await PDFDocument.load(document.bytes);
    } catch (error) {
      // Caught now rather than at the last signature, when the certificate page is added.
      throw fieldError('file', `cannot be read as a PDF (${(error as Error).message.split('\n')[0]}); export it again without encryption`);
    }

    await asSystem(() =>
      documents(strapi, UID.contract).update({
        documentId,
        data: {
          state: 'sent',
          sentAt: new Date(),
          signatories: ordered.map((membership) => text(membership.documentId)),
          sequentialSigning: input.sequential,
          signingOrder: ordered.map((membership) => Number(membership.id)),
          documentHash: document.sha256,
          declineReason: null,
        },
      })
    );
    const fresh = await reload(strapi, contractId);
    await appendEvent(strapi, fresh.contract, { ...blankEvent(fresh, 'sent', context), email: context.staffEmail });
    const sent = await reload(strapi, contractId);
    await requestSignatures(strapi, sent, currentTurn(sent));
  });
  return reload(strapi, contractId);
};

/** Where the caller sees contracts: their client's, never drafts. */
const visibleWhere = (clientId: number, documentId: string) => ({ documentId, client: { id: clientId }, state: { $ne: 'draft' } });

export interface Caller {
  clientId: number;
  membershipId: number;
  email: string;
}

const findVisible = async (strapi: Core.Strapi, caller: Caller, documentId: string) => {
  const row = await records(strapi, UID.contract).findOne({ select: ['id'], where: visibleWhere(caller.clientId, documentId) });
  if (!row) throw new errors.NotFoundError(NO_CONTRACT);
  return Number(row.id);
};

/** The signing page's state; opening it while it is the caller's turn records a `viewed` event, once per session. */
export const openForSigning = async (strapi: Core.Strapi, caller: Caller, documentId: string, context: SignerContext) => {
  const contractId = await findVisible(strapi, caller, documentId);
  const state = await reload(strapi, contractId);
  const me = signatoryOf(state, caller.membershipId);
  if (me && refusalFor(state, caller.membershipId) === null) {
    const seen = state.round.some((event) => event.type === 'viewed' && event.user === me.userDocumentId && event.sessionHash === context.sessionHash);
    if (!seen) {
      await withContractLock(strapi, contractId, () =>
        appendEvent(strapi, state.contract, { ...blankEvent(state, 'viewed', context), user: me.userDocumentId, email: caller.email })
      );
      return reload(strapi, contractId);
    }
  }
  return state;
};

/** Adds the certificate page, keeps the completed PDF privately and marks the contract signed. */
const complete = async (strapi: Core.Strapi, state: SigningState, original: Buffer): Promise<Buffer> => {
  const firm = (await loadFirmEmailSettings(strapi)).brand;
  const chainHead = state.trail[state.trail.length - 1]!.hash;
  const verificationCode = verificationCodeOf(chainHead);
  const completedAt = now();
  const pdf = Buffer.from(
    await buildCompletedPdf(original, {
      firmName: firm.firmName,
      clientName: state.client.name,
      clientTimeZone: state.client.timezone,
      contract: { documentId: state.contract.documentId, number: textOrNull(state.contract.number), title: text(state.contract.title), version: state.version },
      documentHash: text(state.contract.documentHash),
      sentAt: state.round[0]?.occurredAt ?? null,
      completedAt,
      signers: state.signatories.map((signatory) => {
        const event = signatory.signedEvent!;
        return {
          name: event.typedName ?? signatory.name ?? '',
          email: event.email,
          signedAt: event.occurredAt,
          ip: event.ip,
          userAgent: event.userAgent,
          authMethod: event.authMethod,
          consentVersion: event.consentVersion,
          eventHash: event.hash,
        };
      }),
      chainHead,
      verificationCode,
      verifyAt: `${pluginConfig(strapi, 'portalUrl').replace(/\/+$/, '')}/contracts/${state.contract.documentId}/verification`,
    })
  );
  const stored = await storePrivateFile(strapi, pdf);
  try {
    const event = await appendEvent(strapi, state.contract, { ...blankEvent(state, 'completed', null), documentHash: stored.sha256, occurredAt: completedAt });
    await asSystem(() =>
      documents(strapi, UID.contract).update({
        documentId: state.contract.documentId,
        data: {
          state: 'signed',
          signedAt: completedAt,
          completedAt,
          completedHash: event.hash,
          completedFileKey: stored.storageKey,
          completedFileHash: stored.sha256,
          completedFileSize: stored.size,
          verificationCode,
        },
      })
    );
  } catch (error) {
    await removePrivateFile(strapi, stored.storageKey);
    throw error;
  }
  return pdf;
};

/**
 * A signature: consent and signature are two events of one request, made on the document whose
 * SHA-256 the signer sends back. The last signature completes the contract.
 */
export const sign = async (strapi: Core.Strapi, caller: Caller, documentId: string, input: SignContractRequest, context: SignerContext) => {
  const contractId = await findVisible(strapi, caller, documentId);
  const consent = consentByVersion(input.consentVersion);

  await withContractLock(strapi, contractId, async () => {
    const state = await reload(strapi, contractId);
    const refusal = refusalFor(state, caller.membershipId);
    if (refusal) throw refuse(refusal);
    if (!consent) throw refuse('consent_outdated');
    if (input.documentHash !== state.contract.documentHash) throw refuse('document_changed');
    // The recorded hash is not enough: the bytes are hashed again, so a file swapped in storage is caught.
    const document = await readContractDocument(strapi, contractId);
    if (!document || document.sha256 !== input.documentHash) throw refuse('document_changed');

    const me = signatoryOf(state, caller.membershipId)!;
    const signer = { ...blankEvent(state, 'consented', context), documentHash: document.sha256, user: me.userDocumentId, email: caller.email };
    await appendEvent(strapi, state.contract, { ...signer, consentText: consent.text, consentVersion: consent.version });
    await appendEvent(strapi, state.contract, { ...signer, type: 'signed', typedName: input.typedName, consentVersion: consent.version });

    const after = await reload(strapi, contractId);
    if (after.signatories.every((signatory) => signatory.status === 'signed')) {
      const pdf = await complete(strapi, after, document.bytes);
      await sendCompletedCopies(strapi, await reload(strapi, contractId), pdf);
      return;
    }
    if (after.contract.state === 'sent') {
      await asSystem(() => documents(strapi, UID.contract).update({ documentId, data: { state: 'partially_signed' } }));
    }
    const before = new Set(currentTurn(state).map((signatory) => signatory.membershipId));
    const next = currentTurn(after).filter((signatory) => !before.has(signatory.membershipId));
    if (next.length) await requestSignatures(strapi, after, next);
  });
  return reload(strapi, contractId);
};

/** A signatory declines: the contract is declined for everyone, with their reason, and the firm is told. */
export const decline = async (strapi: Core.Strapi, caller: Caller, documentId: string, { reason }: DeclineContractRequest, context: SignerContext) => {
  const contractId = await findVisible(strapi, caller, documentId);
  await withContractLock(strapi, contractId, async () => {
    const state = await reload(strapi, contractId);
    const refusal = refusalFor(state, caller.membershipId, 'decline');
    if (refusal) throw refuse(refusal);
    const me = signatoryOf(state, caller.membershipId)!;
    await appendEvent(strapi, state.contract, { ...blankEvent(state, 'declined', context), user: me.userDocumentId, email: caller.email, reason });
    await asSystem(() => documents(strapi, UID.contract).update({ documentId, data: { state: 'declined', declineReason: reason } }));
    const firm = await loadFirmEmailSettings(strapi);
    if (firm.sender.inbox) {
      await queueEmail(
        strapi,
        {
          kind: 'contract_declined',
          to: { email: firm.sender.inbox, name: firm.brand.firmName, locale: firm.defaultLocale },
          vars: { ...contractVars(state), declinedBy: [me.name, me.email ? `<${me.email}>` : null].filter(Boolean).join(' ') || caller.email, reason },
          clientId: state.client.id,
          dedupeKey: `contract_declined:${state.contract.documentId}:${roundOf(state)}`,
        },
        firm
      );
    }
  });
  return reload(strapi, contractId);
};

export const visibleContractId = findVisible;
