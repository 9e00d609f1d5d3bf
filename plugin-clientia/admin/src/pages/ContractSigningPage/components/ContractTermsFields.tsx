import type { ChangeEvent } from 'react';
import { Field, Grid, SingleSelect, SingleSelectOption, Textarea, TextInput } from '@strapi/design-system';

import { useTranslate } from '../../../utils/useTranslate';
import { NEW_CONTRACT_KINDS, type ContractDraft, type ContractEditScope, type ContractField } from '../contractForm';

interface ContractTermsFieldsProps {
  draft: ContractDraft;
  /** What the form shows as each field's problem, in words. */
  problems: Partial<Record<ContractField, string>>;
  /** `renewal`: a contract past draft, of which only the renewal date and the notes change. */
  scope: ContractEditScope;
  onEdit: <K extends keyof ContractDraft>(field: K, value: ContractDraft[K]) => void;
}

/** A contract's terms as staff type them: the value in major units of its currency, dates as dates. */
export const ContractTermsFields = ({ draft, problems, scope, onEdit }: ContractTermsFieldsProps) => {
  const { t, label } = useTranslate();
  const terms = scope === 'terms';
  const currency = draft.currency.trim().toUpperCase();
  const date = (field: 'effectiveDate' | 'endDate' | 'renewalDate') => (event: ChangeEvent<HTMLInputElement>) => onEdit(field, event.target.value);

  return (
    <Grid.Root gap={4}>
      {terms ? (
        <>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            <Field.Root name="title" required error={problems.title}>
              <Field.Label>{t('contractEditor.form.title')}</Field.Label>
              <TextInput value={draft.title} onChange={(event: ChangeEvent<HTMLInputElement>) => onEdit('title', event.target.value)} autoComplete="off" />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root name="kind" required error={problems.kind} hint={draft.kind === 'amendment' ? t('contractEditor.form.kindAmendment') : undefined}>
              <Field.Label>{t('contractEditor.form.kind')}</Field.Label>
              <SingleSelect value={draft.kind} disabled={draft.kind === 'amendment'} onChange={(value) => onEdit('kind', value as ContractDraft['kind'])}>
                {(draft.kind === 'amendment' ? ['amendment' as const] : NEW_CONTRACT_KINDS).map((kind) => (
                  <SingleSelectOption key={kind} value={kind}>
                    {label('kind', kind)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root name="effectiveDate" error={problems.effectiveDate}>
              <Field.Label>{t('contractEditor.form.effectiveDate')}</Field.Label>
              <TextInput type="date" value={draft.effectiveDate} onChange={date('effectiveDate')} />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root name="endDate" error={problems.endDate} hint={t('contractEditor.form.endDateHint')}>
              <Field.Label>{t('contractEditor.form.endDate')}</Field.Label>
              <TextInput type="date" value={draft.endDate} onChange={date('endDate')} />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
        </>
      ) : null}
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Field.Root name="renewalDate" error={problems.renewalDate} hint={terms ? undefined : t('contractEditor.form.renewalOnly')}>
          <Field.Label>{t('contractEditor.form.renewalDate')}</Field.Label>
          <TextInput type="date" value={draft.renewalDate} onChange={date('renewalDate')} />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
      </Grid.Item>
      {terms ? (
        <>
          <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
            <Field.Root name="value" error={problems.value} hint={t('contractEditor.form.valueHint', { currency })}>
              <Field.Label>{t('contractEditor.form.value', { currency })}</Field.Label>
              <TextInput inputMode="decimal" value={draft.value} onChange={(event: ChangeEvent<HTMLInputElement>) => onEdit('value', event.target.value)} autoComplete="off" />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <Field.Root name="currency" required error={problems.currency}>
              <Field.Label>{t('contractEditor.form.currency')}</Field.Label>
              <TextInput value={draft.currency} maxLength={3} onChange={(event: ChangeEvent<HTMLInputElement>) => onEdit('currency', event.target.value)} autoComplete="off" />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
        </>
      ) : null}
      <Grid.Item col={12} direction="column" alignItems="stretch">
        <Field.Root name="internalNotes" hint={t('contractEditor.form.internalNotesHint')}>
          <Field.Label>{t('contractEditor.form.internalNotes')}</Field.Label>
          <Textarea value={draft.internalNotes} onChange={(event: ChangeEvent<HTMLTextAreaElement>) => onEdit('internalNotes', event.target.value)} />
          <Field.Hint />
        </Field.Root>
      </Grid.Item>
    </Grid.Root>
  );
};
