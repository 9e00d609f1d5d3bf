import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { getTranslation } from '../../utils/getTranslation';
import { useOverview } from './hooks/useOverview';

const Figure = ({ label, value }: { label: string; value: number }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography variant="pi" textColor="neutral600">
        {label}
      </Typography>
      <Typography variant="alpha" tag="p">
        {value}
      </Typography>
    </Flex>
  </Box>
);

export const HomePage = () => {
  const { formatMessage } = useIntl();
  const t = (id: string) => formatMessage({ id: getTranslation(id) });
  const state = useOverview();

  if (state.status === 'loading') return <Page.Loading />;
  if (state.status === 'error') return <Page.Error content={t('home.error')} />;

  const { overview } = state;
  return (
    <Page.Main>
      <Page.Title>{t('home.title')}</Page.Title>
      <Layouts.Header title={t('home.title')} subtitle={t('home.subtitle')} />
      <Layouts.Content>
        <Grid.Root gap={4}>
          <Grid.Item col={3} s={6} xs={12}>
            <Figure label={t('home.clients')} value={overview.clients.total} />
          </Grid.Item>
          <Grid.Item col={3} s={6} xs={12}>
            <Figure label={t('home.clients.active')} value={overview.clients.byStatus.active} />
          </Grid.Item>
          <Grid.Item col={3} s={6} xs={12}>
            <Figure label={t('home.portalEnabled')} value={overview.portalEnabledClients} />
          </Grid.Item>
          <Grid.Item col={3} s={6} xs={12}>
            <Figure label={t('home.memberships')} value={overview.memberships} />
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Page.Main>
  );
};
