import { Td, Tr, Typography } from '@strapi/design-system';

import type { ClientOverview } from '../../../../../../shared/contracts/admin';
import { RecordLink } from '../../../../components/RecordLink';
import { RecordTable } from '../../../../components/RecordTable';
import { EmptyNote } from '../../../../components/Section';
import { StateBadge } from '../../../../components/StateBadge';
import { formatDate } from '../../../../utils/dates';
import { paths } from '../../../../utils/links';
import { formatMoney } from '../../../../utils/money';
import { useTranslate } from '../../../../utils/useTranslate';

export const ContractsPanel = ({ contracts }: { contracts: ClientOverview['contracts'] }) => {
  const { t, label, locale } = useTranslate();
  if (contracts.length === 0) return <EmptyNote>{t('client.contracts.empty')}</EmptyNote>;
  return (
    <RecordTable
      columns={[t('column.contract'), t('column.kind'), t('column.state'), t('column.term'), t('column.value')]}
      rowCount={contracts.length}
    >
      {contracts.map((contract) => (
        <Tr key={contract.documentId}>
          <Td>
            <RecordLink to={paths.contractSigning(contract.documentId)}>
              {contract.number ? t('home.signature.contract', { number: contract.number, title: contract.title }) : contract.title}
            </RecordLink>
          </Td>
          <Td>
            <Typography>{label('kind', contract.kind)}</Typography>
          </Td>
          <Td>
            <StateBadge state={contract.state} />
          </Td>
          <Td>
            <Typography>
              {t('client.contracts.term', {
                from: formatDate(contract.effectiveDate, locale) ?? t('common.none'),
                to: formatDate(contract.endDate, locale) ?? t('client.contracts.openEnded'),
              })}
            </Typography>
          </Td>
          <Td>
            <Typography>{contract.value ? formatMoney(contract.value, locale) : t('common.none')}</Typography>
          </Td>
        </Tr>
      ))}
    </RecordTable>
  );
};
