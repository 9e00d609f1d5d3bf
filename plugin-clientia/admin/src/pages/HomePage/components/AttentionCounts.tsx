import { Box, Flex, Grid, Typography } from '@strapi/design-system';

import type { AttentionOverview } from '../../../../../shared/contracts/admin';
import { useTranslate } from '../../../utils/useTranslate';
import { unreadCount } from '../attention';

const Figure = ({ label, value, alert = false }: { label: string; value: number; alert?: boolean }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={5} height="100%">
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography variant="pi" textColor="neutral600">
        {label}
      </Typography>
      <Typography variant="alpha" tag="p" textColor={alert && value > 0 ? 'danger600' : 'neutral800'}>
        {value}
      </Typography>
    </Flex>
  </Box>
);

export const AttentionCounts = ({ overview }: { overview: AttentionOverview }) => {
  const { t } = useTranslate();
  const figures = [
    { label: t('home.counts.clients'), value: overview.counts.clients },
    { label: t('home.counts.activeClients'), value: overview.counts.activeClients },
    { label: t('home.counts.memberships'), value: overview.counts.memberships },
    { label: t('home.counts.overdueInvoices'), value: overview.overdueInvoices.length, alert: true },
    { label: t('home.counts.awaitingSignature'), value: overview.contractsAwaitingSignature.length },
    { label: t('home.counts.unreadThreads'), value: unreadCount(overview.openThreads), alert: true },
  ];
  return (
    <Grid.Root gap={4}>
      {figures.map((figure) => (
        <Grid.Item key={figure.label} col={2} s={4} xs={6} direction="column" alignItems="stretch">
          <Figure {...figure} />
        </Grid.Item>
      ))}
    </Grid.Root>
  );
};
