import { Flex, Typography } from '@strapi/design-system';
import { BackButton, Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';

import { clientiaApi } from '../../api/client';
import { failureMessage, isNotFound } from '../../api/failure';
import { StateBadge } from '../../components/StateBadge';
import { usePermission } from '../../hooks/usePermission';
import { ACTIONS } from '../../permissions';
import { paths } from '../../utils/links';
import { useTranslate } from '../../utils/useTranslate';
import { ClientActions } from './components/ClientActions';
import { ClientOverviewView } from './components/ClientOverviewView';
import { EditClientButton } from './components/editors/EditClientButton';
import { ClientEditingProvider } from './editing';
import { useClientOverview } from './hooks/useClientOverview';
import { useClientSignIn } from './hooks/useClientSignIn';
import { ClientRecordsContext } from './recordsContext';
import { useRecordControls } from './hooks/useRecordControls';
import { withContact, type Contact, type ContactSignInControls } from './signIn';

export const ClientOverviewPage = () => {
  const { t } = useTranslate();
  const { documentId = '' } = useParams<{ documentId: string }>();
  const { state, reload } = useClientOverview(documentId);
  const canManage = usePermission(ACTIONS.manageRecords);
  const canManageBilling = usePermission(ACTIONS.manageBilling);
  const signIn = useClientSignIn(documentId);
  const records = useRecordControls(documentId, state.data, canManage.allowed, reload);
  const { toggleNotification } = useNotification();

  if (!state.data) {
    if (state.status === 'loading') return <Page.Loading />;
    return <Page.Error content={t(state.status === 'error' && isNotFound(state.error) ? 'client.notFound' : 'client.error')} />;
  }

  const { client } = state.data;
  const security = signIn.state.data;

  const signInControls: ContactSignInControls = {
    security,
    failed: signIn.state.status === 'error' && !security,
    canManage: canManage.allowed,
    async onRequireTwoFactor(required: boolean) {
      try {
        signIn.replace(await clientiaApi.setClientRequiresTwoFactor(client.documentId, required));
        toggleNotification({ type: 'success', message: t(required ? 'client.signIn.savedOn' : 'client.signIn.savedOff', { client: client.name }) });
        // The change is in the client's activity log.
        reload();
      } catch (error) {
        toggleNotification({ type: 'danger', message: failureMessage(error) ?? t('client.signIn.saveFailed') });
      }
    },
    async onResetTwoFactor(contact: Contact) {
      try {
        const reset = await clientiaApi.resetTwoFactor(client.documentId, contact.membershipId);
        if (security) signIn.replace(withContact(security, reset.contact));
        else signIn.reload();
        toggleNotification({ type: 'success', message: t('resetTwoFactor.done', { name: contact.name, count: reset.sessionsEnded }) });
        // The reset is in the client's activity log.
        reload();
      } catch (error) {
        toggleNotification({ type: 'danger', message: failureMessage(error) ?? t('resetTwoFactor.failed') });
      }
    },
  };

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
          <Flex gap={2}>
            {canManage.allowed ? <EditClientButton client={client} onSaved={reload} /> : null}
            <ClientActions
              clientDocumentId={client.documentId}
              clientName={client.name}
              canInvite={canManage.allowed}
              onInvited={() => {
                reload();
                signIn.reload();
              }}
            />
          </Flex>
        }
      />
      <Layouts.Content>
        <ClientEditingProvider value={{ client, contacts: state.data.contacts, canManage: canManage.allowed, onChanged: reload }}>
          <ClientRecordsContext.Provider
            value={{
              canManageRecords: canManage.allowed,
              canManageBilling: canManageBilling.allowed,
              reload,
              notify: (type, message) => toggleNotification({ type, message }),
            }}
          >
            <ClientOverviewView overview={state.data} signIn={signInControls} records={records} canManageBilling={canManageBilling.allowed} />
          </ClientRecordsContext.Provider>
        </ClientEditingProvider>
      </Layouts.Content>
    </Page.Main>
  );
};
