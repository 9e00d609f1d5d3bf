import { Badge, Td, Tr, Typography } from '@strapi/design-system';

import type { AttentionOverview } from '../../../../../shared/contracts/admin';
import { RecordLink } from '../../../components/RecordLink';
import { RecordTable } from '../../../components/RecordTable';
import { Section } from '../../../components/Section';
import { daysUntil, formatDate } from '../../../utils/dates';
import { paths } from '../../../utils/links';
import { useTranslate } from '../../../utils/useTranslate';

interface Props {
  renewals: AttentionOverview['renewals'];
  today: Date;
}

export const UpcomingRenewals = ({ renewals, today }: Props) => {
  const { t, locale } = useTranslate();
  return (
    <Section title={t('home.renewals.title')} count={renewals.length} empty={renewals.length === 0 ? t('home.renewals.empty') : null}>
      <RecordTable columns={[t('column.record'), t('column.client'), t('column.date'), '']} rowCount={renewals.length}>
        {renewals.map((renewal) => {
          const days = daysUntil(renewal.date, today);
          return (
            <Tr key={`${renewal.kind}-${renewal.documentId}`}>
              <Td>
                <Badge>{t(renewal.kind === 'contract' ? 'home.renewals.contract' : 'home.renewals.licence')}</Badge>{' '}
                <RecordLink to={paths.record(renewal.kind, renewal.documentId)}>{renewal.label}</RecordLink>
              </Td>
              <Td>
                <RecordLink to={paths.client(renewal.client.documentId)}>{renewal.client.name}</RecordLink>
              </Td>
              <Td>
                <Typography>{formatDate(renewal.date, locale)}</Typography>
              </Td>
              <Td>
                {days !== null && days >= 0 ? (
                  <Typography textColor="neutral600">{t('home.renewals.in', { days })}</Typography>
                ) : null}
              </Td>
            </Tr>
          );
        })}
      </RecordTable>
    </Section>
  );
};
