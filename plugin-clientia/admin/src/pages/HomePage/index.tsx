import { Button } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';

import { useTranslate } from '../../utils/useTranslate';
import { AttentionBoard } from './components/AttentionBoard';
import { useAttentionOverview } from './hooks/useAttentionOverview';

export const HomePage = () => {
  const { t } = useTranslate();
  const { state, reload } = useAttentionOverview();

  if (state.status === 'loading' && !state.data) return <Page.Loading />;
  if (!state.data) return <Page.Error content={t('home.error')} />;

  return (
    <Page.Main>
      <Page.Title>{t('home.title')}</Page.Title>
      <Layouts.Header
        title={t('home.title')}
        subtitle={t('home.subtitle')}
        primaryAction={
          <Button variant="tertiary" startIcon={<ArrowClockwise />} onClick={reload} loading={state.status === 'loading'}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Layouts.Content>
        <AttentionBoard overview={state.data} />
      </Layouts.Content>
    </Page.Main>
  );
};
