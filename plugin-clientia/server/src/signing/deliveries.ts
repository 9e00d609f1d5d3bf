import type { Core } from '@strapi/strapi';

import { onEmailSent } from '../email';
import { text } from '../repositories/rows';
import { loadSigningState } from './state';
import { appendEvent, withContractLock } from './trail';
import { REMINDER_KEY } from './requests';
import { SIGNING_REQUEST_KEY } from './workflow';

/** The emails that ask a signatory to sign: the request, and the reminders staff send. */
const ASKING_TO_SIGN: readonly string[] = [SIGNING_REQUEST_KEY, REMINDER_KEY];

/**
 * The trail's `email_delivered` event: written when the outbox has handed a signing request (or a
 * reminder of it) to the mail server, which may be minutes after it was queued if the server
 * refused at first.
 */
export const recordSigningDeliveries = (strapi: Core.Strapi) => {
  onEmailSent(strapi, async (email) => {
    if (!ASKING_TO_SIGN.includes(text(email.kind))) return;
    const [, contractDocumentId] = text(email.dedupeKey).split(':');
    if (!contractDocumentId) return;
    const state = await loadSigningState(strapi, { documentId: contractDocumentId });
    const to = text(email.to).toLowerCase();
    const signatory = state?.signatories.find((candidate) => candidate.email?.toLowerCase() === to);
    if (!state || !signatory) return;
    await withContractLock(strapi, state.contract.id, () =>
      appendEvent(strapi, state.contract, {
        client: state.client.documentId,
        type: 'email_delivered',
        contractVersion: state.version,
        documentHash: typeof state.contract.documentHash === 'string' ? state.contract.documentHash : null,
        user: signatory.userDocumentId,
        email: signatory.email,
        typedName: null,
        consentText: null,
        consentVersion: null,
        occurredAt: new Date().toISOString(),
        ip: null,
        userAgent: null,
        sessionHash: null,
        authMethod: null,
        reason: null,
      })
    );
  });
};
