import { Box, Td, Tr, Typography } from '@strapi/design-system';

import type { ClientListItem } from '../../../../../shared/contracts/admin';
import { RecordLink } from '../../../components/RecordLink';
import { RecordTable } from '../../../components/RecordTable';
import { EmptyNote } from '../../../components/Section';
import { StateBadge } from '../../../components/StateBadge';
import { paths } from '../../../utils/links';
import { formatMoney } from '../../../utils/money';
import { useTranslate } from '../../../utils/useTranslate';

interface ClientTableProps {
  clients: ClientListItem[];
  filtered: boolean;
}

export const ClientTable = ({ clients, filtered }: ClientTableProps) => {
  const { t, locale } = useTranslate();
  if (clients.length === 0) {
    return <EmptyNote>{t(filtered ? 'clients.emptyFiltered' : 'clients.empty')}</EmptyNote>;
  }
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow">
      <RecordTable
        columns={[t('column.client'), t('column.state'), t('column.contacts'), t('column.portal'), t('column.openBalance')]}
        rowCount={clients.length}
      >
        {clients.map((client) => (
          <Tr key={client.documentId}>
            <Td>
              <RecordLink to={paths.client(client.documentId)}>{client.name}</RecordLink>
            </Td>
            <Td>
              <StateBadge state={client.state} />
            </Td>
            <Td>
              <Typography>{client.contacts}</Typography>
            </Td>
            <Td>
              <Typography textColor={client.portalEnabled ? 'success600' : 'neutral600'}>
                {t(client.portalEnabled ? 'clients.portal.on' : 'clients.portal.off')}
              </Typography>
            </Td>
            <Td>
              <Typography fontWeight={client.openBalance.amount > 0 ? 'bold' : 'regular'}>
                {formatMoney(client.openBalance, locale)}
              </Typography>
            </Td>
          </Tr>
        ))}
      </RecordTable>
    </Box>
  );
};
