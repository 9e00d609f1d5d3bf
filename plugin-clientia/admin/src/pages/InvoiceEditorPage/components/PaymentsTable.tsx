import { Td, Tr, Typography } from '@strapi/design-system';

import type { StaffInvoice } from '../../../../../shared/contracts/admin-invoices';
import { RecordTable } from '../../../components/RecordTable';
import { EmptyNote } from '../../../components/Section';
import { formatDate } from '../../../utils/dates';
import { formatMoney } from '../../../utils/money';
import { useTranslate } from '../../../utils/useTranslate';

/** Money received against the invoice, the method in words. */
export const PaymentsTable = ({ payments }: { payments: StaffInvoice['payments'] }) => {
  const { t, label, locale } = useTranslate();
  if (payments.length === 0) return <EmptyNote>{t('payments.empty')}</EmptyNote>;
  return (
    <RecordTable columns={[t('column.date'), t('column.amount'), t('payments.column.method'), t('payments.column.reference')]} rowCount={payments.length}>
      {payments.map((payment) => (
        <Tr key={payment.documentId}>
          <Td>
            <Typography>{formatDate(payment.receivedOn, locale) ?? t('common.none')}</Typography>
          </Td>
          <Td>
            <Typography>{formatMoney(payment.amount, locale)}</Typography>
          </Td>
          <Td>
            <Typography>{label('payments.method', payment.method)}</Typography>
          </Td>
          <Td>
            <Typography>{payment.reference ?? t('common.none')}</Typography>
          </Td>
        </Tr>
      ))}
    </RecordTable>
  );
};
