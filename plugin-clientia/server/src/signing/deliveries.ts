import type { Core } from '@strapi/strapi';

import { onEmailSent } from '../email';
import { text } from '../serializers/values';
import { loadSigningState } from './state';
import { appendEvent, withContractLock } from './trail';
import { SIGNING_REQUEST_KEY } from './workflow';

/**
 * The trail's `email_delivered` event: written when the outbox has handed a signing request to
 * the mail server, which may be minutes after the contract was sent if the server refused at first.
 */
export const recordSigningDeliveries = (strapi: Core.Strapi) => {
  onEmailSent(strapi, async (email) => {
    if (email.kind !== SIGNING_REQUEST_KEY) return;
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
