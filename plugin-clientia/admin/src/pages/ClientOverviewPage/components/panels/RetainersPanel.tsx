import { Badge, Td, Tr, Typography } from '@strapi/design-system';

import type { ClientOverview } from '../../../../../../shared/contracts/admin';
import { RecordLink } from '../../../../components/RecordLink';
import { RecordTable } from '../../../../components/RecordTable';
import { EmptyNote } from '../../../../components/Section';
import { StateBadge } from '../../../../components/StateBadge';
import { formatDate } from '../../../../utils/dates';
import { paths } from '../../../../utils/links';
import { formatMoney } from '../../../../utils/money';
import { useTranslate } from '../../../../utils/useTranslate';
import { formatHours, hoursUsage } from '../../clientRecords';

export const RetainersPanel = ({ retainers }: { retainers: ClientOverview['retainers'] }) => {
  const { t, label, locale } = useTranslate();
  if (retainers.length === 0) return <EmptyNote>{t('client.retainers.empty')}</EmptyNote>;
  return (
    <RecordTable
      columns={[t('column.retainer'), t('column.state'), t('column.amount'), t('column.nextRun'), t('column.hours')]}
      rowCount={retainers.length}
    >
      {retainers.map((retainer) => {
        const usage = hoursUsage(retainer.hoursThisPeriod, retainer.includedHours);
        return (
          <Tr key={retainer.documentId}>
            <Td>
              <RecordLink to={paths.record('retainer', retainer.documentId)}>{retainer.title}</RecordLink>
            </Td>
            <Td>
              <StateBadge state={retainer.state} />
            </Td>
            <Td>
              <Typography>
                {t('home.retainers.amount', {
                  amount: formatMoney(retainer.amount, locale),
                  interval: label('interval', retainer.interval),
                })}
              </Typography>
            </Td>
            <Td>
              <Typography>{formatDate(retainer.nextRunDate, locale) ?? t('common.none')}</Typography>
            </Td>
            <Td>
              <Typography>
                {retainer.includedHours === null
                  ? t('client.retainers.hoursUsed', { used: formatHours(retainer.hoursThisPeriod, locale) })
                  : t('client.retainers.hoursOfIncluded', {
                      used: formatHours(retainer.hoursThisPeriod, locale),
                      included: formatHours(retainer.includedHours, locale),
                    })}
              </Typography>{' '}
              {usage.over > 0 ? (
                <Badge variant="danger">{t('client.retainers.over', { hours: formatHours(usage.over, locale) })}</Badge>
              ) : null}
            </Td>
          </Tr>
        );
      })}
    </RecordTable>
  );
};
