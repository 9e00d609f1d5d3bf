import { Td, Tr, Typography } from '@strapi/design-system';

import type { AttentionOverview } from '../../../../../shared/contracts/admin';
import { RecordLink } from '../../../components/RecordLink';
import { RecordTable } from '../../../components/RecordTable';
import { Section } from '../../../components/Section';
import { formatDate } from '../../../utils/dates';
import { paths } from '../../../utils/links';
import { formatMoney, formatMoneyList } from '../../../utils/money';
import { useTranslate } from '../../../utils/useTranslate';
import { overdueTone } from '../attention';
import { ToneBadge } from '../../../components/ToneBadge';

type Props = Pick<AttentionOverview, 'overdueInvoices' | 'overdueTotals'>;

export const OverdueInvoices = ({ overdueInvoices, overdueTotals }: Props) => {
  const { t, locale } = useTranslate();
  return (
    <Section
      title={t('home.overdue.title')}
      count={overdueInvoices.length}
      empty={overdueInvoices.length === 0 ? t('home.overdue.empty') : null}
      action={
        overdueTotals.length > 0 ? (
          <Typography fontWeight="bold" textColor="danger600">
            {t('home.overdue.total', { amounts: formatMoneyList(overdueTotals, locale) })}
          </Typography>
        ) : null
      }
    >
      <RecordTable
        columns={[t('column.invoice'), t('column.client'), t('column.dueDate'), t('column.overdue'), t('column.balance')]}
        rowCount={overdueInvoices.length}
      >
        {overdueInvoices.map((invoice) => (
          <Tr key={invoice.documentId}>
            <Td>
              <RecordLink to={paths.invoice(invoice.documentId)}>{invoice.number}</RecordLink>
            </Td>
            <Td>
              <RecordLink to={paths.client(invoice.client.documentId)}>{invoice.client.name}</RecordLink>
            </Td>
            <Td>
              <Typography>{formatDate(invoice.dueDate, locale)}</Typography>
            </Td>
            <Td>
              <ToneBadge tone={overdueTone(invoice.daysOverdue)}>
                {t('home.overdue.days', { days: invoice.daysOverdue })}
              </ToneBadge>
            </Td>
            <Td>
              <Typography fontWeight="bold">{formatMoney(invoice.balance, locale)}</Typography>
            </Td>
          </Tr>
        ))}
      </RecordTable>
    </Section>
  );
};
