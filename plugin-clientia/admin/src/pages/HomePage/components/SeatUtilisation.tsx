import { Flex, Td, Tr, Typography } from '@strapi/design-system';

import type { AttentionOverview } from '../../../../../shared/contracts/admin';
import { Meter } from '../../../components/Meter';
import { RecordLink } from '../../../components/RecordLink';
import { RecordTable } from '../../../components/RecordTable';
import { Section } from '../../../components/Section';
import { paths } from '../../../utils/links';
import { useTranslate } from '../../../utils/useTranslate';
import { byUtilisation, seatUsage } from '../attention';
import { ToneBadge } from '../../../components/ToneBadge';

export const SeatUtilisation = ({ licences }: { licences: AttentionOverview['seatUtilisation'] }) => {
  const { t } = useTranslate();
  return (
    <Section title={t('home.seats.title')} count={licences.length} empty={licences.length === 0 ? t('home.seats.empty') : null}>
      <RecordTable
        columns={[t('column.licence'), t('column.client'), t('column.seats'), '']}
        rowCount={licences.length}
      >
        {byUtilisation(licences).map((licence) => {
          const usage = seatUsage(licence.assigned, licence.purchased);
          return (
            <Tr key={licence.documentId}>
              <Td>
                <RecordLink to={paths.record('licence', licence.documentId)}>
                  {licence.plan ? t('home.seats.productPlan', { product: licence.product, plan: licence.plan }) : licence.product}
                </RecordLink>
              </Td>
              <Td>
                <RecordLink to={paths.client(licence.client.documentId)}>{licence.client.name}</RecordLink>
              </Td>
              <Td>
                <Flex gap={3} alignItems="center">
                  <Meter value={usage.percent} label={t('home.seats.progress')} tone={usage.isFull ? 'danger' : 'primary'} width="8rem" />
                  <Typography>
                    {t('home.seats.usage', { assigned: licence.assigned, purchased: licence.purchased, percent: usage.percent })}
                  </Typography>
                </Flex>
              </Td>
              <Td>
                {usage.isFull ? (
                  <ToneBadge tone="danger">{t('home.seats.full')}</ToneBadge>
                ) : (
                  <Typography textColor="neutral600">{t('home.seats.free', { free: usage.free })}</Typography>
                )}
              </Td>
            </Tr>
          );
        })}
      </RecordTable>
    </Section>
  );
};
