import { Badge, Td, Tr, Typography } from '@strapi/design-system';

import type { AttentionOverview } from '../../../../../shared/contracts/admin';
import { RecordLink } from '../../../components/RecordLink';
import { RecordTable } from '../../../components/RecordTable';
import { Section } from '../../../components/Section';
import { daysUntil, formatDate } from '../../../utils/dates';
import { paths } from '../../../utils/links';
import { formatMoney } from '../../../utils/money';
import { useTranslate } from '../../../utils/useTranslate';

interface Props {
  retainers: AttentionOverview['retainersAboutToBill'];
  today: Date;
}

export const RetainersAboutToBill = ({ retainers, today }: Props) => {
  const { t, label, locale } = useTranslate();
  const when = (date: string) => {
    const days = daysUntil(date, today);
    if (days === null) return null;
    return days < 0 ? t('home.retainers.late', { days: -days }) : t('home.retainers.in', { days });
  };
  return (
    <Section
      title={t('home.retainers.title')}
      count={retainers.length}
      empty={retainers.length === 0 ? t('home.retainers.empty') : null}
    >
      <RecordTable
        columns={[t('column.retainer'), t('column.client'), t('column.nextRun'), t('column.amount')]}
        rowCount={retainers.length}
      >
        {retainers.map((retainer) => (
          <Tr key={retainer.documentId}>
            <Td>
              <RecordLink to={paths.record('retainer', retainer.documentId)}>{retainer.title}</RecordLink>
            </Td>
            <Td>
              <RecordLink to={paths.client(retainer.client.documentId)}>{retainer.client.name}</RecordLink>
            </Td>
            <Td>
              <Typography>{formatDate(retainer.nextRunDate, locale)}</Typography>{' '}
              <Badge>{when(retainer.nextRunDate)}</Badge>
            </Td>
            <Td>
              <Typography>
                {t('home.retainers.amount', {
                  amount: formatMoney(retainer.amount, locale),
                  interval: label('interval', retainer.interval),
                })}
              </Typography>
            </Td>
          </Tr>
        ))}
      </RecordTable>
    </Section>
  );
};
