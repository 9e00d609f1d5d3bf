import { Flex } from '@strapi/design-system';

import type { AdminSigningView, ContractVerification, SendContractRequest } from '../../../../../shared/contracts/signing';
import { Notice } from '../../../components/Notice';
import { Section } from '../../../components/Section';
import { useTranslate } from '../../../utils/useTranslate';
import { AuditTrail } from './AuditTrail';
import { CompletedDocumentSection } from './CompletedDocumentSection';
import { ContractDocument } from './ContractDocument';
import { SendForSignature } from './SendForSignature';
import { SignatoryTable } from './SignatoryTable';

interface SigningViewProps {
  view: AdminSigningView;
  canManage: boolean;
  verification: ContractVerification | null;
  onSend: (request: SendContractRequest) => Promise<void>;
  onDownload: () => Promise<void>;
  onVerify: () => Promise<void>;
}

/** One contract's signing from the firm's side: the document, who signs, the result and its trail. */
export const SigningView = ({ view, canManage, verification, onSend, onDownload, onVerify }: SigningViewProps) => {
  const { t } = useTranslate();
  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <ContractDocument contract={view.contract} />
      {view.canSend ? (
        <SendForSignature key={`${view.contract.documentId}:${view.contract.version}`} view={view} canManage={canManage} onSend={onSend} />
      ) : view.cannotSendReason ? (
        <Section title={t('signing.send.title')}>
          {/* A draft that cannot go out needs someone to act (attach the PDF); otherwise it is just why. */}
          <Notice variant={view.contract.state === 'draft' ? 'warning' : 'info'} title={t('signing.send.cannotSend')}>
            {view.cannotSendReason}
          </Notice>
        </Section>
      ) : null}
      <SignatoryTable signatories={view.signatories} sequential={view.contract.sequentialSigning} declineReason={view.declineReason} />
      {view.completed ? <CompletedDocumentSection completed={view.completed} onDownload={onDownload} /> : null}
      <AuditTrail events={view.events} verification={verification} onVerify={onVerify} />
    </Flex>
  );
};
