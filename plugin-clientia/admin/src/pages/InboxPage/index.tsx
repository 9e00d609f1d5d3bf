import { Box, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';

import { PageLinks } from '../../components/PageLinks';
import { useListQuery } from '../../hooks/useListQuery';
import { useTranslate } from '../../utils/useTranslate';
import { ThreadList } from './components/ThreadList';
import { useInbox } from './hooks/useInbox';

const FILTERS = ['state'] as const;

export const InboxPage = () => {
  const { t, label } = useTranslate();
  const { page, filters, setFilter, pageHref } = useListQuery(FILTERS);
  const threadState = filters.state === 'closed' ? 'closed' : 'open';
  const { state } = useInbox(page, threadState);

  return (
    <Page.Main>
      <Page.Title>{t('inbox.title')}</Page.Title>
      <Layouts.Header title={t('inbox.title')} subtitle={t('inbox.subtitle')} />
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
