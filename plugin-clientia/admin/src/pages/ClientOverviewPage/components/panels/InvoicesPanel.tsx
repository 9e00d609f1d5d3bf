import { Badge, Flex, LinkButton, Td, Tr, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Link as RouterLink } from 'react-router-dom';

import type { ClientOverview } from '../../../../../../shared/contracts/admin';
import { RecordLink } from '../../../../components/RecordLink';
import { RecordTable } from '../../../../components/RecordTable';
import { EmptyNote } from '../../../../components/Section';
import { StateBadge } from '../../../../components/StateBadge';
import { formatDate } from '../../../../utils/dates';
import { paths } from '../../../../utils/links';
import { formatMoney, formatMoneyList, isZero } from '../../../../utils/money';
import { useTranslate } from '../../../../utils/useTranslate';

type Props = Pick<ClientOverview, 'invoices' | 'balance'> & {
  clientDocumentId: string;
  /** The staff member may write invoices (the billing action): offers a new one. */
  canManageBilling?: boolean;
};

export const InvoicesPanel = ({ invoices, balance, clientDocumentId, canManageBilling = false }: Props) => {
  const { t, locale } = useTranslate();
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
        <Typography fontWeight="bold" textColor={isZero(balance) ? 'neutral800' : 'danger600'}>
          {isZero(balance) ? t('client.invoices.settled') : t('client.invoices.openBalance', { amounts: formatMoneyList(balance, locale) })}
        </Typography>
        {canManageBilling ? (
          <LinkButton tag={RouterLink} to={paths.newInvoice(clientDocumentId)} startIcon={<Plus />} variant="secondary">
            {t('invoiceEditor.new')}
          </LinkButton>
        ) : null}
      </Flex>
      {invoices.length === 0 ? (
        <EmptyNote>{t('client.invoices.empty')}</EmptyNote>
      ) : (
        <RecordTable
          columns={[t('column.invoice'), t('column.state'), t('column.issueDate'), t('column.dueDate'), t('column.total'), t('column.balance')]}
          rowCount={invoices.length}
        >
          {invoices.map((invoice) => (
            <Tr key={invoice.documentId}>
              <Td>
                <Flex gap={2}>
                  <RecordLink to={paths.invoice(invoice.documentId)}>{invoice.number ?? t('client.invoices.draft')}</RecordLink>
                  {invoice.kind === 'credit_note' ? <Badge size="S">{t('invoiceEditor.kind.creditNote')}</Badge> : null}
                </Flex>
              </Td>
              <Td>
                <StateBadge state={invoice.state} />
              </Td>
              <Td>
                <Typography>{formatDate(invoice.issueDate, locale) ?? t('common.none')}</Typography>
              </Td>
              <Td>
                <Typography>{formatDate(invoice.dueDate, locale) ?? t('common.none')}</Typography>
              </Td>
              <Td>
                <Typography>{formatMoney(invoice.total, locale)}</Typography>
              </Td>
              <Td>
                <Typography fontWeight={invoice.balance.amount > 0 ? 'bold' : 'regular'}>{formatMoney(invoice.balance, locale)}</Typography>
              </Td>
            </Tr>
          ))}
        </RecordTable>
      )}
    </Flex>
  );
};
