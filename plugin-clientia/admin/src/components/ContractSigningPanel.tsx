import type { ReactNode } from 'react';
import { Flex, LinkButton, Loader, Typography } from '@strapi/design-system';
import { SealCheck } from '@strapi/icons';
import type { DescriptionComponent } from '@strapi/strapi/admin';
import { Link as RouterLink } from 'react-router-dom';

import { useRemoteData } from '../hooks/useRemoteData';
import { usePermission } from '../hooks/usePermission';
import { signingProgress } from '../pages/ContractSigningPage/signing';
import { contractSigningApi } from '../pages/ContractSigningPage/signingApi';
import { ACTIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';
import { paths } from '../utils/links';
import { useTranslate } from '../utils/useTranslate';
import { StateBadge } from './StateBadge';

const CONTRACT_MODEL = `plugin::${PLUGIN_ID}.contract`;

/** The part of the Content Manager's edit-view context the panel reads. */
export interface ContractSigningPanelProps {
  model: string;
  /** Undefined while a contract is being created: there is nothing to sign yet. */
  documentId?: string;
  /** The record as the edit view loaded it; only `state` and `updatedAt` are read. */
  document?: Record<string, unknown>;
}

export interface ContractSigningPanelDescription {
  title: string;
  content: ReactNode;
}

const text = (value: unknown) => (typeof value === 'string' ? value : null);

interface ContractSigningSummaryProps {
  documentId: string;
  /** The state the edit view holds, shown until (or if) the signing view cannot be loaded. */
  state: string | null;
  /** Changes when the contract is saved, so a new PDF or state is picked up. */
  revision: string | null;
}

const ContractSigningSummary = ({ documentId, state, revision }: ContractSigningSummaryProps) => {
  const { t } = useTranslate();
  const { state: remote } = useRemoteData(`contract-signing-panel:${documentId}:${revision ?? ''}`, () =>
    contractSigningApi.getSigning(documentId)
  );
  const view = remote.data;
  const shownState = view?.contract.state ?? state;
  const progress = view ? signingProgress(view.signatories) : null;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Flex gap={2} wrap="wrap">
        {shownState ? <StateBadge state={shownState} /> : null}
        {remote.status === 'loading' ? <Loader small>{t('signing.panel.loading')}</Loader> : null}
      </Flex>
      {progress && progress.total > 0 ? (
        <Typography variant="pi" textColor="neutral700">
          {t('signing.signatories.progress', progress)}
        </Typography>
      ) : null}
      {view?.canSend ? (
        <Typography variant="pi" textColor="neutral700">
          {t('signing.panel.readyToSend')}
        </Typography>
      ) : view?.cannotSendReason && view.contract.state === 'draft' ? (
        // The design system's amber reads at 3:1 on white, too faint for this small text.
        <Typography variant="pi" textColor="neutral800" fontWeight="semiBold">
          {view.cannotSendReason}
        </Typography>
      ) : null}
      {view?.completed ? (
        <Typography variant="pi" textColor="neutral700">
          {t('signing.panel.verificationCode', { code: view.completed.verificationCode })}
        </Typography>
      ) : null}
      <LinkButton tag={RouterLink} to={paths.contractSigning(documentId)} variant="secondary" startIcon={<SealCheck />} fullWidth>
        {t('signing.panel.link')}
      </LinkButton>
    </Flex>
  );
};

/**
 * A side panel in the Content Manager's edit view of a contract: where it stands with its
 * signatures, and the way to the signing page. Other types get no panel.
 */
export const ContractSigningPanel: DescriptionComponent<ContractSigningPanelProps, ContractSigningPanelDescription> = ({
  model,
  documentId,
  document,
}) => {
  const { t } = useTranslate();
  // Hooks run before the early returns: the Content Manager renders this like a component.
  const canRead = usePermission(ACTIONS.read);
  if (model !== CONTRACT_MODEL || !documentId || !canRead.allowed) return null;
  return {
    title: t('signing.panel.title'),
    content: (
      <ContractSigningSummary documentId={documentId} state={text(document?.state)} revision={text(document?.updatedAt)} />
    ),
  };
};
