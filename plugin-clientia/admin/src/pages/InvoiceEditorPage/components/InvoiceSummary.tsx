import type { ReactNode } from 'react';
import { Box, Flex, Grid, Td, Tr, Typography } from '@strapi/design-system';

import type { StaffInvoice } from '../../../../../shared/contracts/admin-invoices';
import { lineTotals } from '../../../../../shared/money';
import { RecordLink } from '../../../components/RecordLink';
import { RecordTable } from '../../../components/RecordTable';
import { Section } from '../../../components/Section';
import { StateBadge } from '../../../components/StateBadge';
import { formatDate } from '../../../utils/dates';
import { paths } from '../../../utils/links';
import { formatMoney } from '../../../utils/money';
import { useTranslate } from '../../../utils/useTranslate';
import { PaymentsTable } from './PaymentsTable';
import { TotalsTable, type TotalRow } from './TotalsTable';

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography tag="div">{children}</Typography>
  </Flex>
);

/** The figures as the server stores them: for an invoice what was paid and credited, for a credit note what is left of it. */
const storedTotals = (invoice: StaffInvoice, t: ReturnType<typeof useTranslate>['t']): TotalRow[] => {
  const rows: TotalRow[] = [
    { label: t('invoiceEditor.subtotal'), money: invoice.subtotal },
    { label: t('invoiceEditor.tax'), money: invoice.tax },
    { label: t('invoiceEditor.total'), money: invoice.total, emphasis: true },
  ];
  if (invoice.kind === 'credit_note') {
    if (invoice.credited.amount !== 0) rows.push({ label: t('invoiceEditor.creditUsed'), money: { ...invoice.credited, amount: -invoice.credited.amount } });
    rows.push({ label: t('invoiceEditor.creditLeft'), money: { ...invoice.balance, amount: -invoice.balance.amount }, emphasis: true });
    return rows;
  }
  if (invoice.paid.amount !== 0) rows.push({ label: t('invoiceEditor.paid'), money: invoice.paid });
  if (invoice.credited.amount !== 0) rows.push({ label: t('invoiceEditor.credited'), money: invoice.credited });
  rows.push({ label: t('invoiceEditor.balance'), money: invoice.balance, emphasis: true });
  return rows;
};

/** An issued invoice or credit note, read-only: it is final once issued. */
export const InvoiceSummary = ({ invoice }: { invoice: StaffInvoice }) => {
  const { t, locale } = useTranslate();
  const none = t('common.none');
  const creditNote = invoice.kind === 'credit_note';
  const money = (amount: number) => formatMoney({ amount, currency: invoice.currency }, locale);

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} tag="section" aria-label={t('invoiceEditor.details')}>
        <Typography variant="delta" tag="h2">
          {t('invoiceEditor.details')}
        </Typography>
        <Grid.Root gap={4} marginTop={4}>
          <Grid.Item col={3} s={6}>
            <Fact label={t('invoiceEditor.number')}>{invoice.number ?? t('invoiceEditor.numberPending')}</Fact>
          </Grid.Item>
          <Grid.Item col={3} s={6}>
            <Fact label={t('invoiceEditor.state')}>
              <StateBadge state={invoice.state} />
            </Fact>
          </Grid.Item>
          <Grid.Item col={3} s={6}>
            <Fact label={t('invoiceEditor.client')}>
              <RecordLink to={paths.client(invoice.client.documentId)}>{invoice.client.name}</RecordLink>
            </Fact>
          </Grid.Item>
          <Grid.Item col={3} s={6}>
            <Fact label={t('invoiceEditor.currency')}>{invoice.currency}</Fact>
          </Grid.Item>
          <Grid.Item col={3} s={6}>
            <Fact label={t('invoiceEditor.issueDate')}>{formatDate(invoice.issueDate, locale) ?? none}</Fact>
          </Grid.Item>
          {creditNote ? (
            invoice.correctedInvoice ? (
              <Grid.Item col={3} s={6}>
                <Fact label={t('invoiceEditor.correctsLabel')}>
                  <RecordLink to={paths.invoice(invoice.correctedInvoice.documentId)}>{invoice.correctedInvoice.number ?? none}</RecordLink>
                </Fact>
              </Grid.Item>
            ) : null
          ) : (
            <Grid.Item col={3} s={6}>
              <Fact label={t('invoiceEditor.dueDate')}>{formatDate(invoice.dueDate, locale) ?? none}</Fact>
            </Grid.Item>
          )}
          {invoice.period ? (
            <Grid.Item col={6} s={12}>
              <Fact label={t('invoiceEditor.period')}>
                {[formatDate(invoice.period.start, locale), formatDate(invoice.period.end, locale)].filter(Boolean).join(' – ')}
              </Fact>
            </Grid.Item>
          ) : null}
        </Grid.Root>
      </Box>

      <Section title={t(creditNote ? 'invoiceEditor.linesCreditNote' : 'invoiceEditor.lines')} count={invoice.lineItems.length}>
        <RecordTable
          columns={[
            t('invoiceEditor.line.description'),
            t('invoiceEditor.line.quantity'),
            t('invoiceEditor.line.unitPrice', { currency: invoice.currency }),
            t('invoiceEditor.line.taxRate'),
            t('invoiceEditor.line.amount'),
          ]}
          rowCount={invoice.lineItems.length}
        >
          {invoice.lineItems.map((line, index) => (
            <Tr key={`${index}-${line.description}`}>
              <Td>
                <Typography>{line.description}</Typography>
              </Td>
              <Td>
                <Typography>{new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(line.quantity)}</Typography>
              </Td>
              <Td>
                <Typography>{money(line.unitPrice)}</Typography>
              </Td>
              <Td>
                <Typography>{new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(line.taxRate)} %</Typography>
              </Td>
              <Td>
                <Typography>{money(Number(lineTotals(line).net))}</Typography>
              </Td>
            </Tr>
          ))}
        </RecordTable>
      </Section>

      <Flex gap={6} alignItems="flex-start" wrap="wrap">
        <Flex direction="column" alignItems="stretch" gap={4} style={{ flex: '1 1 24rem' }}>
          <Fact label={t('invoiceEditor.notes')}>{invoice.notes ?? none}</Fact>
          <Fact label={t('invoiceEditor.internalNotes')}>{invoice.internalNotes ?? none}</Fact>
        </Flex>
        <TotalsTable title={t('invoiceEditor.totals')} rows={storedTotals(invoice, t)} />
      </Flex>

      {creditNote || invoice.state === 'draft' ? null : (
        <Section title={t('payments.title')} count={invoice.payments.length}>
          <PaymentsTable payments={invoice.payments} />
        </Section>
      )}
      {invoice.creditNotes.length > 0 ? (
        <Section title={t('invoiceEditor.creditNotes')} count={invoice.creditNotes.length}>
          <RecordTable columns={[t('invoiceEditor.number'), t('column.state'), t('column.total')]} rowCount={invoice.creditNotes.length}>
            {invoice.creditNotes.map((note) => (
              <Tr key={note.documentId}>
                <Td>
                  <RecordLink to={paths.invoice(note.documentId)}>{note.number ?? t('invoiceEditor.title.creditNoteDraft')}</RecordLink>
                </Td>
                <Td>
                  <StateBadge state={note.state} />
                </Td>
                <Td>
                  <Typography>{formatMoney(note.total, locale)}</Typography>
                </Td>
              </Tr>
            ))}
          </RecordTable>
        </Section>
      ) : null}
    </Flex>
  );
};
