import { Layouts, Page } from '@strapi/strapi/admin';

import { PageLinks } from '../../components/PageLinks';
import { useListQuery } from '../../hooks/useListQuery';
import { usePermission } from '../../hooks/usePermission';
import { ACTIONS } from '../../permissions';
import { useTranslate } from '../../utils/useTranslate';
import { ClientFilters } from './components/ClientFilters';
import { ClientTable } from './components/ClientTable';
import { NewClientButton } from './components/NewClientButton';
import { useClientList } from './hooks/useClientList';

const FILTERS = ['q', 'state'] as const;

export const ClientsPage = () => {
  const { t } = useTranslate();
  const { page, filters, setFilter, pageHref } = useListQuery(FILTERS);
  const { state } = useClientList(page, filters.q, filters.state);
  const canManage = usePermission(ACTIONS.manageRecords);

  return (
    <Page.Main>
      <Page.Title>{t('clients.title')}</Page.Title>
      <Layouts.Header
        title={t('clients.title')}
        subtitle={state.data ? t('clients.subtitle', { total: state.data.meta.pagination.total }) : undefined}
        primaryAction={canManage.allowed ? <NewClientButton /> : undefined}
      />
      <Layouts.Action
        startActions={
          <ClientFilters
            q={filters.q}
            state={filters.state}
            onSearch={(q) => setFilter('q', q)}
            onStateChange={(value) => setFilter('state', value)}
          />
        }
      />
      <Layouts.Content>
        {state.status === 'error' && !state.data ? (
          <Page.Error content={t('clients.error')} />
        ) : !state.data ? (
          <Page.Loading />
        ) : (
          <>
            <ClientTable clients={state.data.data} filtered={Boolean(filters.q || filters.state)} />
            <PageLinks pagination={state.data.meta.pagination} pageHref={pageHref} />
          </>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
