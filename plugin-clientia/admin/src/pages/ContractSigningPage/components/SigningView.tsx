import { Flex } from '@strapi/design-system';

import type { AdminSigningView, ContractVerification, SendContractRequest } from '../../../../../shared/contracts/signing';
import { Notice } from '../../../components/Notice';
import { Section } from '../../../components/Section';
import { useTranslate } from '../../../utils/useTranslate';
import { Amendments } from './Amendments';
import { AuditTrail } from './AuditTrail';
import { CancelSigning } from './CancelSigning';
import { CompletedDocumentSection } from './CompletedDocumentSection';
import { ContractDocument } from './ContractDocument';
import { SendForSignature } from './SendForSignature';
import { SignatoryTable } from './SignatoryTable';

/** What staff may do to the contract besides sending it; each is offered only when given and staff may manage records. */
export interface ContractEditorActions {
  onUpload?: (file: File) => Promise<void>;
  onEdit?: () => void;
  onRemind?: (signatory: AdminSigningView['signatories'][number]) => Promise<void>;
  onCancel?: (reason: string | null) => Promise<void>;
  onAmend?: (title: string) => Promise<void>;
}

interface SigningViewProps extends ContractEditorActions {
  view: AdminSigningView;
  canManage: boolean;
  verification: ContractVerification | null;
  onSend: (request: SendContractRequest) => Promise<void>;
  onDownload: () => Promise<void>;
  onVerify: () => Promise<void>;
}

const OUT_FOR_SIGNATURE = ['sent', 'partially_signed'];
const AMENDABLE = ['signed', 'active'];

/** One contract's signing from the firm's side: the document, who signs, the result and its trail. */
export const SigningView = ({ view, canManage, verification, onSend, onDownload, onVerify, onUpload, onEdit, onRemind, onCancel, onAmend }: SigningViewProps) => {
  const { t } = useTranslate();
  const { state } = view.contract;
  const manage = <T,>(action: T | undefined, when: boolean) => (canManage && when ? action : undefined);
  const outForSignature = OUT_FOR_SIGNATURE.includes(state);
  const contractLabel = view.contract.number ? `${view.contract.number} · ${view.contract.title}` : view.contract.title;

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <ContractDocument contract={view.contract} onUpload={manage(onUpload, state === 'draft')} onEdit={manage(onEdit, true)} />
      {view.canSend ? (
        <SendForSignature key={`${view.contract.documentId}:${view.contract.version}`} view={view} canManage={canManage} onSend={onSend} />
      ) : view.cannotSendReason ? (
        <Section title={t('signing.send.title')}>
          {/* A draft that cannot go out needs someone to act (attach the PDF); otherwise it is just why. */}
          <Notice variant={state === 'draft' ? 'warning' : 'info'} title={t('signing.send.cannotSend')}>
            {view.cannotSendReason}
          </Notice>
        </Section>
      ) : null}
      <SignatoryTable
        signatories={view.signatories}
        sequential={view.contract.sequentialSigning}
        declineReason={view.declineReason}
        onRemind={manage(onRemind, outForSignature)}
      />
      {canManage && outForSignature && onCancel ? <CancelSigning contractLabel={contractLabel} onCancel={onCancel} /> : null}
      {view.completed ? <CompletedDocumentSection completed={view.completed} onDownload={onDownload} /> : null}
      <Amendments contract={view.contract} amendments={view.amendments} onAmend={manage(onAmend, AMENDABLE.includes(state))} />
      <AuditTrail events={view.events} verification={verification} onVerify={onVerify} />
    </Flex>
  );
};
