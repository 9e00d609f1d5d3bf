import { useState } from 'react';
import { Button, Flex, Td, Tr, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useNavigate } from 'react-router-dom';

import type { ClientOverview } from '../../../../../../shared/contracts/admin';
import { RecordLink } from '../../../../components/RecordLink';
import { RecordTable } from '../../../../components/RecordTable';
import { EmptyNote } from '../../../../components/Section';
import { StateBadge } from '../../../../components/StateBadge';
import { formatDate } from '../../../../utils/dates';
import { paths } from '../../../../utils/links';
import { formatMoney } from '../../../../utils/money';
import { useTranslate } from '../../../../utils/useTranslate';
import { ContractFormModal } from '../../../ContractSigningPage/components/ContractFormModal';
import { useClientRecordsActions } from '../../recordsContext';

interface ContractsPanelProps {
  contracts: ClientOverview['contracts'];
  /** Needed to create a contract; without it the panel only lists. */
  client?: ClientOverview['client'];
}

export const ContractsPanel = ({ contracts, client }: ContractsPanelProps) => {
  const { t, label, locale } = useTranslate();
  const { canManageRecords } = useClientRecordsActions();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {canManageRecords && client ? (
        <Flex justifyContent="flex-end">
          <Button startIcon={<Plus />} onClick={() => setCreating(true)}>
            {t('contractEditor.new')}
          </Button>
        </Flex>
      ) : null}
      {contracts.length === 0 ? (
        <EmptyNote>{t('client.contracts.empty')}</EmptyNote>
      ) : (
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
      )}
      {creating && client ? (
        <ContractFormModal
          mode="create"
          client={client}
          onClose={() => setCreating(false)}
          // The new draft's own page: where its PDF is uploaded and it is sent.
          onSaved={(view) => navigate(paths.contractSigning(view.contract.documentId))}
        />
      ) : null}
    </Flex>
  );
};
