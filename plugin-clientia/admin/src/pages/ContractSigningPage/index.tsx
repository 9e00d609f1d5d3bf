import { useState } from 'react';
import { Flex, LinkButton, Typography } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { BackButton, Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';

import type { AdminSigningView, ContractVerification, SendContractRequest } from '../../../../shared/contracts/signing';
import { ApiFailure, failureMessage, isNotFound } from '../../api/failure';
import { RecordLink } from '../../components/RecordLink';
import { StateBadge } from '../../components/StateBadge';
import { usePermission } from '../../hooks/usePermission';
import { ACTIONS } from '../../permissions';
import { paths } from '../../utils/links';
import { useTranslate } from '../../utils/useTranslate';
import { ContractFormModal } from './components/ContractFormModal';
import { SigningView } from './components/SigningView';
import { useContractSigning } from './hooks/useContractSigning';
import { signedFileName } from './signing';
import { contractSigningApi } from './signingApi';

/** Saves a fetched file under a name; the admin API needs the staff token, so there is no plain link. */
const saveFile = (blob: Blob, name: string) => {
  const href = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.download = name;
  anchor.click();
  URL.revokeObjectURL(href);
};

export const ContractSigningPage = () => {
  const { t } = useTranslate();
  const { documentId = '' } = useParams<{ documentId: string }>();
  const { state, replace } = useContractSigning(documentId);
  const canManage = usePermission(ACTIONS.manageRecords);
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  // Kept with the contract it belongs to, so following the amends link does not show another contract's result.
  const [verification, setVerification] = useState<{ documentId: string; result: ContractVerification } | null>(null);

  if (!state.data) {
    if (state.status === 'loading') return <Page.Loading />;
    return <Page.Error content={t(state.status === 'error' && isNotFound(state.error) ? 'signing.notFound' : 'signing.error')} />;
  }

  const view = state.data;
  const { contract } = view;
  const heading = contract.number ? t('home.signature.contract', { number: contract.number, title: contract.title }) : contract.title;

  const send = async (request: SendContractRequest) => {
    const sent = await contractSigningApi.sendForSignature(contract.documentId, request);
    replace(sent);
    setVerification(null);
    toggleNotification({ type: 'success', message: t('signing.send.sent', { count: request.signatories.length }) });
  };

  const download = async () => {
    try {
      const blob = await contractSigningApi.downloadSignedFile(contract.documentId);
      saveFile(blob, signedFileName(contract));
    } catch (error) {
      // A file download has no JSON body to explain itself, so the status is all there is to go on.
      const missing = error instanceof ApiFailure && error.status === 404;
      toggleNotification({ type: 'danger', message: t(missing ? 'signing.completed.missing' : 'signing.completed.downloadFailed') });
    }
  };

  const verify = async () => {
    setVerification({ documentId: contract.documentId, result: await contractSigningApi.verify(contract.documentId) });
  };

  /** The answer of an action is the contract's view as it is now; a verification run before it no longer applies. */
  const showing = (next: AdminSigningView) => {
    replace(next);
    setVerification(null);
  };

  const upload = async (file: File) => {
    showing(await contractSigningApi.uploadFile(contract.documentId, file));
    toggleNotification({ type: 'success', message: t('contractEditor.file.uploaded', { name: file.name }) });
  };

  const remind = async (signatory: AdminSigningView['signatories'][number]) => {
    const name = signatory.name ?? signatory.email ?? '';
    try {
      showing(await contractSigningApi.remind(contract.documentId, { signatory: signatory.documentId }));
      toggleNotification({ type: 'success', message: t('contractEditor.remind.sent', { name }) });
    } catch (error) {
      toggleNotification({ type: 'danger', message: failureMessage(error) ?? t('contractEditor.remind.failed', { name }) });
    }
  };

  const cancel = async (reason: string | null) => {
    showing(await contractSigningApi.cancel(contract.documentId, { reason }));
    toggleNotification({ type: 'success', message: t('contractEditor.cancel.done') });
  };

  const amend = async (title: string) => {
    const amendment = await contractSigningApi.amend(contract.documentId, { title });
    toggleNotification({ type: 'success', message: t('contractEditor.amend.created') });
    navigate(paths.contractSigning(amendment.contract.documentId));
  };

  return (
    <Page.Main>
      <Page.Title>{t('signing.pageTitle', { contract: heading })}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={paths.client(contract.client.documentId)} />}
        title={heading}
        subtitle={
          <Flex gap={3} wrap="wrap">
            <StateBadge state={contract.state} />
            <RecordLink to={paths.client(contract.client.documentId)}>{contract.client.name}</RecordLink>
            <Typography textColor="neutral600">{t('signing.header.version', { version: contract.version })}</Typography>
            {contract.amends ? (
              <Typography textColor="neutral600">
                {t('signing.header.amends')}{' '}
                <RecordLink to={paths.contractSigning(contract.amends.documentId)}>
                  {contract.amends.number
                    ? t('home.signature.contract', { number: contract.amends.number, title: contract.amends.title })
                    : contract.amends.title}
                </RecordLink>
              </Typography>
            ) : null}
          </Flex>
        }
        primaryAction={
          <LinkButton tag={RouterLink} to={paths.record('contract', contract.documentId)} variant="secondary" startIcon={<Pencil />}>
            {t('signing.header.edit')}
          </LinkButton>
        }
      />
      <Layouts.Content>
        <SigningView
          view={view}
          canManage={canManage.allowed}
          verification={verification?.documentId === contract.documentId ? verification.result : null}
          onSend={send}
          onDownload={download}
          onVerify={verify}
          onUpload={upload}
          onEdit={() => setEditing(true)}
          onRemind={remind}
          onCancel={cancel}
          onAmend={amend}
        />
        {editing ? (
          <ContractFormModal
            mode="edit"
            contract={contract}
            onClose={() => setEditing(false)}
            onSaved={(saved) => {
              showing(saved);
              toggleNotification({ type: 'success', message: t('contractEditor.form.saved') });
            }}
          />
        ) : null}
      </Layouts.Content>
    </Page.Main>
  );
};
