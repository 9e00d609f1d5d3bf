import type { FormEvent } from 'react';
import { Box, Field, Flex, Grid, Textarea, TextInput, Typography } from '@strapi/design-system';

import type { InvoiceKind } from '../../../../../shared/contracts/admin-invoices';
import { useTranslate, type TranslationKey } from '../../../utils/useTranslate';
import { formCurrency, liveTotals, priceDecimals, type DecimalSeparator, type FormErrors, type FormProblem, type InvoiceDraftForm } from '../invoiceForm';
import { LineItemsEditor } from './LineItemsEditor';
import { TotalsTable } from './TotalsTable';

interface InvoiceFormProps {
  id: string;
  kind: InvoiceKind;
  form: InvoiceDraftForm;
  /** Shown once staff have tried to save; until then nobody is told off for a line not yet typed. */
  errors: FormErrors | null;
  separator: DecimalSeparator;
  disabled: boolean;
  onChange: (form: InvoiceDraftForm) => void;
  onSubmit: () => void;
}

const PROBLEM_KEYS: Record<FormProblem, TranslationKey> = {
  currency: 'invoiceEditor.error.currency',
  date: 'invoiceEditor.error.date',
  dueBeforeIssue: 'invoiceEditor.error.dueBeforeIssue',
  tooLong: 'invoiceEditor.error.tooLong',
  noLines: 'invoiceEditor.error.noLines',
  tooManyLines: 'invoiceEditor.error.tooManyLines',
};

/** A draft invoice or credit note: its details, its lines and the totals they come to, live. */
export const InvoiceForm = ({ id, kind, form, errors, separator, disabled, onChange, onSubmit }: InvoiceFormProps) => {
  const { t } = useTranslate();
  const currency = formCurrency(form);
  const live = liveTotals(form, separator);
  const problem = (found: FormProblem | undefined) => (found ? t(PROBLEM_KEYS[found]) : undefined);
  const edit = <K extends keyof InvoiceDraftForm>(field: K, value: InvoiceDraftForm[K]) => onChange({ ...form, [field]: value });
  const money = (amount: bigint) => ({ amount: Number(amount), currency: currency ?? '' });
  const creditNote = kind === 'credit_note';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form id={id} noValidate onSubmit={submit} aria-label={t(creditNote ? 'invoiceEditor.title.creditNoteDraft' : 'invoiceEditor.title.draft')}>
      <Flex direction="column" alignItems="stretch" gap={6}>
        <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
          <Typography variant="delta" tag="h2">
            {t('invoiceEditor.details')}
          </Typography>
          <Grid.Root gap={4} marginTop={4}>
            <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
              <Field.Root
                name="currency"
                required
                error={problem(errors?.currency)}
                hint={creditNote ? t('invoiceEditor.currencyFixed') : t('invoiceEditor.currencyHint', { decimals: priceDecimals(currency) })}
              >
                <Field.Label>{t('invoiceEditor.currency')}</Field.Label>
                <TextInput
                  value={form.currency}
                  maxLength={3}
                  autoComplete="off"
                  disabled={disabled || creditNote}
                  onChange={(event) => edit('currency', event.target.value.toUpperCase())}
                />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
              <Field.Root name="issueDate" error={problem(errors?.issueDate)} hint={t('invoiceEditor.issueDateHint')}>
                <Field.Label>{t('invoiceEditor.issueDate')}</Field.Label>
                <TextInput type="date" value={form.issueDate} disabled={disabled} onChange={(event) => edit('issueDate', event.target.value)} />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
            </Grid.Item>
            {creditNote ? null : (
              <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                <Field.Root name="dueDate" error={problem(errors?.dueDate)} hint={t('invoiceEditor.dueDateHint')}>
                  <Field.Label>{t('invoiceEditor.dueDate')}</Field.Label>
                  <TextInput type="date" value={form.dueDate} disabled={disabled} onChange={(event) => edit('dueDate', event.target.value)} />
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
            )}
          </Grid.Root>
        </Box>

        <Box tag="section" aria-label={t('invoiceEditor.lines')} background="neutral0" hasRadius shadow="tableShadow" padding={6}>
          <Box paddingBottom={4}>
            <Typography variant="delta" tag="h2">
              {t(creditNote ? 'invoiceEditor.linesCreditNote' : 'invoiceEditor.lines')}
            </Typography>
            {errors?.lines ? (
              <Typography tag="p" textColor="danger600" role="alert">
                {problem(errors.lines)}
              </Typography>
            ) : null}
          </Box>
          <LineItemsEditor
            lines={form.lines}
            currency={currency}
            separator={separator}
            errors={errors?.line ?? {}}
            disabled={disabled}
            onChange={(lines) => edit('lines', lines)}
          />
        </Box>

        <Flex gap={6} alignItems="flex-start" wrap="wrap">
          <Flex direction="column" alignItems="stretch" gap={4} style={{ flex: '1 1 24rem' }}>
            <Field.Root name="notes" error={problem(errors?.notes)} hint={t('invoiceEditor.notesHint')}>
              <Field.Label>{t('invoiceEditor.notes')}</Field.Label>
              <Textarea value={form.notes} disabled={disabled} onChange={(event) => edit('notes', event.target.value)} />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
            <Field.Root name="internalNotes" error={problem(errors?.internalNotes)} hint={t('invoiceEditor.internalNotesHint')}>
              <Field.Label>{t('invoiceEditor.internalNotes')}</Field.Label>
              <Textarea value={form.internalNotes} disabled={disabled} onChange={(event) => edit('internalNotes', event.target.value)} />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Flex>
          {live ? (
            <TotalsTable
              title={t('invoiceEditor.totals')}
              rows={[
                { label: t('invoiceEditor.subtotal'), money: money(live.totals.subtotal) },
                { label: t('invoiceEditor.tax'), money: money(live.totals.tax) },
                { label: t('invoiceEditor.total'), money: money(live.totals.total), emphasis: true },
              ]}
              note={live.leftOut > 0 ? t('invoiceEditor.leftOut', { count: live.leftOut }) : null}
            />
          ) : (
            <Box tag="section" aria-label={t('invoiceEditor.totals')} background="neutral100" hasRadius padding={4}>
              <Typography textColor="neutral600">{t('invoiceEditor.noCurrency')}</Typography>
            </Box>
          )}
        </Flex>
      </Flex>
    </form>
  );
};
