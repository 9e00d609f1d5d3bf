import { Flex, Typography } from '@strapi/design-system';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';

import { isNotFound } from '../../api/failure';
import { StateBadge } from '../../components/StateBadge';
import { usePermission } from '../../hooks/usePermission';
import { ACTIONS } from '../../permissions';
import { paths } from '../../utils/links';
import { useTranslate } from '../../utils/useTranslate';
import { ClientActions } from './components/ClientActions';
import { ClientOverviewView } from './components/ClientOverviewView';
import { useClientOverview } from './hooks/useClientOverview';

export const ClientOverviewPage = () => {
  const { t } = useTranslate();
  const { documentId = '' } = useParams<{ documentId: string }>();
  const { state, reload } = useClientOverview(documentId);
  const canManage = usePermission(ACTIONS.manageRecords);

  if (!state.data) {
    if (state.status === 'loading') return <Page.Loading />;
    return <Page.Error content={t(state.status === 'error' && isNotFound(state.error) ? 'client.notFound' : 'client.error')} />;
  }

  const { client } = state.data;
  return (
    <Page.Main>
      <Page.Title>{client.name}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={paths.clients} />}
        title={client.name}
        subtitle={
          <Flex gap={2}>
            <StateBadge state={client.state} />
            {client.legalName && client.legalName !== client.name ? (
              <Typography textColor="neutral600">{client.legalName}</Typography>
            ) : null}
          </Flex>
        }
        primaryAction={
          <ClientActions
            clientDocumentId={client.documentId}
            clientName={client.name}
            canInvite={canManage.allowed}
            onInvited={reload}
          />
        }
      />
      <Layouts.Content>
        <ClientOverviewView overview={state.data} />
      </Layouts.Content>
    </Page.Main>
  );
};
