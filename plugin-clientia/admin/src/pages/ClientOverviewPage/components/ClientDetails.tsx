import type { ReactNode } from 'react';
import { Box, Grid, Typography } from '@strapi/design-system';

import type { ClientOverview } from '../../../../../shared/contracts/admin';
import { formatMoneyList, isZero } from '../../../utils/money';
import { useTranslate } from '../../../utils/useTranslate';
import { unpaidInvoices } from '../clientRecords';

/** One term and its value: the grid's item is the group a definition list may hold (a <div> of <dt> and <dd>, nothing between). */
const Detail = ({ term, children }: { term: string; children: ReactNode }) => (
  <Grid.Item col={4} s={6} xs={12} direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600" tag="dt">
      {term}
    </Typography>
    <Typography tag="dd" style={{ whiteSpace: 'pre-line' }}>
      {children}
    </Typography>
  </Grid.Item>
);

/** The client's record at a glance: who they are, how they are billed, who looks after them. */
export const ClientDetails = ({ overview }: { overview: ClientOverview }) => {
  const { t, locale } = useTranslate();
  const { client } = overview;
  const none = t('common.none');
  const open = unpaidInvoices(overview.invoices).length;

  const details: [string, ReactNode][] = [
    [t('client.details.legalName'), client.legalName ?? none],
    [t('client.details.billingEmail'), client.billingEmail ?? none],
    [t('client.details.billingAddress'), client.billingAddress ?? none],
    [t('client.details.taxId'), client.taxId ?? none],
    [t('client.details.currency'), client.currency],
    [t('client.details.locale'), [client.locale, client.timezone].filter(Boolean).join(' · ') || none],
    [t('client.details.portal'), t(client.portalEnabled ? 'clients.portal.on' : 'clients.portal.off')],
    [t('client.details.accountManager'), client.accountManager?.name ?? none],
    [
      t('client.details.openBalance'),
      isZero(overview.balance)
        ? t('client.invoices.settled')
        : t('client.details.balanceWithCount', { amounts: formatMoneyList(overview.balance, locale), count: open }),
    ],
  ];

  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} tag="section" aria-label={t('client.details.title')}>
      <Grid.Root gap={5} tag="dl">
        {details.map(([term, value]) => (
          <Detail key={term} term={term}>
            {value}
          </Detail>
        ))}
      </Grid.Root>
      {client.internalNotes ? (
        <Box paddingTop={5}>
          <Box background="warning100" borderColor="warning200" hasRadius padding={4}>
            {/* The design system's amber text reads at 4:1 on the amber box, below WCAG AA for text this small. */}
            <Typography variant="sigma" textColor="neutral800" tag="p">
              {t('client.details.internalNotes')}
            </Typography>
            <Typography style={{ whiteSpace: 'pre-line' }}>{client.internalNotes}</Typography>
          </Box>
        </Box>
      ) : null}
    </Box>
  );
};
