import { useState } from 'react';
import { Box, Button, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';

import type { ClientRef } from '../../../../shared/contracts/admin';
import { clientiaApi } from '../../api/client';
import { NewThreadModal } from '../../components/NewThreadModal';
import { PageLinks } from '../../components/PageLinks';
import { useListQuery } from '../../hooks/useListQuery';
import { usePermission } from '../../hooks/usePermission';
import { ACTIONS } from '../../permissions';
import { paths } from '../../utils/links';
import { useTranslate } from '../../utils/useTranslate';
import { ThreadList } from './components/ThreadList';
import { useInbox } from './hooks/useInbox';

const FILTERS = ['state'] as const;

/** The clients the new-thread picker offers: the first matches by name. */
const CLIENT_MATCHES = 20;
const searchClients = async (q: string): Promise<ClientRef[]> =>
  (await clientiaApi.listClients({ page: 1, pageSize: CLIENT_MATCHES, ...(q.trim() ? { q: q.trim() } : {}) })).data.map(({ documentId, name }) => ({ documentId, name }));

export const InboxPage = () => {
  const { t, label } = useTranslate();
  const { page, filters, setFilter, pageHref } = useListQuery(FILTERS);
  const threadState = filters.state === 'closed' ? 'closed' : 'open';
  const { state } = useInbox(page, threadState);
  const canManage = usePermission(ACTIONS.manageRecords);
  const navigate = useNavigate();
  const [writing, setWriting] = useState(false);

  return (
    <Page.Main>
      <Page.Title>{t('inbox.title')}</Page.Title>
      <Layouts.Header
        title={t('inbox.title')}
        subtitle={t('inbox.subtitle')}
        primaryAction={
          canManage.allowed ? (
            <Button startIcon={<Plus />} onClick={() => setWriting(true)}>
              {t('messages.newThread')}
            </Button>
          ) : undefined
        }
      />
      {canManage.allowed ? (
        <NewThreadModal
          open={writing}
          searchClients={searchClients}
          onClose={() => setWriting(false)}
          onStart={(clientDocumentId, thread, files) => clientiaApi.startThread(clientDocumentId, thread, files)}
          onStarted={(thread) => navigate(paths.thread(thread.documentId))}
        />
      ) : null}
      <Layouts.Action
        startActions={
          <Box width="20rem">
            <SingleSelect
              aria-label={t('inbox.filter.state')}
              value={threadState}
              onChange={(value) => setFilter('state', value === 'open' ? '' : String(value))}
            >
              <SingleSelectOption value="open">{label('state', 'open')}</SingleSelectOption>
              <SingleSelectOption value="closed">{label('state', 'closed')}</SingleSelectOption>
            </SingleSelect>
          </Box>
        }
      />
      <Layouts.Content>
        {state.status === 'error' && !state.data ? (
          <Page.Error content={t('inbox.error')} />
        ) : !state.data ? (
          <Page.Loading />
        ) : (
          <>
            <ThreadList threads={state.data.data} state={threadState} />
            <PageLinks pagination={state.data.meta.pagination} pageHref={pageHref} />
          </>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
