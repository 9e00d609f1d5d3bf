import { Td, Tr, Typography } from '@strapi/design-system';

import type { AttentionOverview } from '../../../../../shared/contracts/admin';
import { RecordLink } from '../../../components/RecordLink';
import { RecordTable } from '../../../components/RecordTable';
import { Section } from '../../../components/Section';
import { StateBadge } from '../../../components/StateBadge';
import { formatDate } from '../../../utils/dates';
import { paths } from '../../../utils/links';
import { useTranslate } from '../../../utils/useTranslate';

export const ContractsAwaitingSignature = ({ contracts }: { contracts: AttentionOverview['contractsAwaitingSignature'] }) => {
  const { t, locale } = useTranslate();
  return (
    <Section
      title={t('home.signature.title')}
      count={contracts.length}
      empty={contracts.length === 0 ? t('home.signature.empty') : null}
    >
      <RecordTable
        columns={[t('column.contract'), t('column.client'), t('column.state'), t('column.sentAt')]}
        rowCount={contracts.length}
      >
        {contracts.map((contract) => (
          <Tr key={contract.documentId}>
            <Td>
              <RecordLink to={paths.contractSigning(contract.documentId)}>
                {t('home.signature.contract', { number: contract.number, title: contract.title })}
              </RecordLink>
            </Td>
            <Td>
              <RecordLink to={paths.client(contract.client.documentId)}>{contract.client.name}</RecordLink>
            </Td>
            <Td>
              <StateBadge state={contract.state} />
            </Td>
            <Td>
              <Typography>{formatDate(contract.sentAt, locale) ?? t('common.none')}</Typography>
            </Td>
          </Tr>
        ))}
      </RecordTable>
    </Section>
  );
};
