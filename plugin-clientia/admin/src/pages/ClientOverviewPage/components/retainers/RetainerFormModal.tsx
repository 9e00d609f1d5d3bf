import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Alert, Button, Field, Flex, Grid, Modal, SingleSelect, SingleSelectOption, Textarea, TextInput } from '@strapi/design-system';

import { RETAINER_INTERVALS, RETAINER_STATES, type AdminRetainer } from '../../../../../../shared/contracts/admin-billing';
import type { ClientOverview } from '../../../../../../shared/contracts/admin';
import { failureMessage } from '../../../../api/failure';
import { fieldProblems } from '../../../../api/fieldFailure';
import { decimalSeparatorOf } from '../../../../utils/numbers';
import { useTranslate, type TranslationKey } from '../../../../utils/useTranslate';
import { clientiaApi } from '../../../../api/client';
import { checkRetainer, draftFromRetainer, emptyRetainer, type RetainerDraft, type RetainerField, type RetainerProblem } from '../../retainerForm';

/** Shown while it is rendered: the page mounts it to open it, so each opening starts afresh. */
interface RetainerFormModalProps {
  onClose: () => void;
  client: ClientOverview['client'];
  contracts: ClientOverview['contracts'];
  /** Left out: a new retainer of the client. */
  retainer?: AdminRetainer | null;
  onSaved: (retainer: AdminRetainer) => void;
}

const PROBLEM_KEYS: Record<RetainerProblem, TranslationKey> = {
  required: 'retainers.error.required',
  invalidAmount: 'retainers.error.amount',
  notPositive: 'retainers.error.positive',
  invalidCurrency: 'retainers.error.currency',
  invalidDate: 'retainers.error.date',
  endBeforeStart: 'retainers.error.endBeforeStart',
  invalidHours: 'retainers.error.hours',
  invalidRate: 'retainers.error.rate',
  tooLong: 'retainers.error.tooLong',
  invalid: 'retainers.error.invalid',
};

const today = () => new Date().toISOString().slice(0, 10);

/** A retainer's fee, overtime rate (both in major units of its currency), included hours, period and start. */
export const RetainerFormModal = ({ onClose, client, contracts, retainer, onSaved }: RetainerFormModalProps) => {
  const { t, label, locale } = useTranslate();
  const separator = decimalSeparatorOf(locale);
  const [draft, setDraft] = useState<RetainerDraft>(() => (retainer ? draftFromRetainer(retainer, locale, separator) : emptyRetainer(client.currency, today())));
  const [problems, setProblems] = useState<Partial<Record<RetainerField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Once a period is billed its schedule stays; the server refuses a change, so the form does not offer one.
  const scheduleFixed = Boolean(retainer?.billed);

  const edit = <K extends keyof RetainerDraft>(field: K, value: RetainerDraft[K]) => {
    setDraft((previous) => ({ ...previous, [field]: value }));
    setProblems((previous) => ({ ...previous, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkRetainer(draft, separator, retainer ? 'edit' : 'create');
    if (!checked.ok) {
      setProblems(Object.fromEntries(Object.entries(checked.errors).map(([field, problem]) => [field, t(PROBLEM_KEYS[problem])])));
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      const { startDate, interval, ...rest } = checked.request;
      const saved = retainer
        ? await clientiaApi.updateRetainer(retainer.documentId, scheduleFixed ? rest : checked.request)
        : await clientiaApi.createRetainer(client.documentId, { ...rest, startDate, interval });
      onSaved(saved);
      onClose();
    } catch (error) {
      const byField = fieldProblems(error);
      setProblems(byField);
      if (Object.keys(byField).length === 0) setFailure(failureMessage(error) ?? t('retainers.form.failed'));
    } finally {
      setSaving(false);
    }
  };

  const title = retainer ? t('retainers.form.editTitle', { retainer: retainer.title }) : t('retainers.form.newTitle', { client: client.name });
  const currency = draft.currency.trim().toUpperCase() || client.currency;
  const text = (field: 'title' | 'amount' | 'currency' | 'hourlyRate' | 'includedHours' | 'taxRate') => (event: ChangeEvent<HTMLInputElement>) =>
    edit(field, event.target.value);

  return (
    <Modal.Root open onOpenChange={(next) => (next ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header closeLabel={t('common.close')}>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <form noValidate onSubmit={submit} aria-label={title}>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {failure ? (
                <Alert variant="danger" closeLabel={t('common.close')} onClose={() => setFailure(null)} title={t('retainers.form.failedTitle')}>
                  {failure}
                </Alert>
              ) : null}
              <Field.Root name="title" required error={problems.title}>
                <Field.Label>{t('retainers.form.title')}</Field.Label>
                <TextInput value={draft.title} onChange={text('title')} autoComplete="off" />
                <Field.Error />
              </Field.Root>
              <Grid.Root gap={4}>
                <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
                  <Field.Root name="amount" required error={problems.amount} hint={t('retainers.form.amountHint', { currency })}>
                    <Field.Label>{t('retainers.form.amount', { currency })}</Field.Label>
                    <TextInput inputMode="decimal" value={draft.amount} onChange={text('amount')} autoComplete="off" />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                  <Field.Root name="currency" required error={problems.currency}>
                    <Field.Label>{t('retainers.form.currency')}</Field.Label>
                    <TextInput value={draft.currency} onChange={text('currency')} maxLength={3} autoComplete="off" />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root name="interval" required error={problems.interval} hint={scheduleFixed ? t('retainers.form.scheduleFixed') : undefined}>
                    <Field.Label>{t('retainers.form.interval')}</Field.Label>
                    <SingleSelect value={draft.interval} disabled={scheduleFixed} onChange={(value) => edit('interval', value as RetainerDraft['interval'])}>
                      {RETAINER_INTERVALS.map((interval) => (
                        <SingleSelectOption key={interval} value={interval}>
                          {label('retainers.interval', interval)}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root name="startDate" required error={problems.startDate}>
                    <Field.Label>{t('retainers.form.startDate')}</Field.Label>
                    <TextInput
                      type="date"
                      value={draft.startDate}
                      disabled={scheduleFixed}
                      onChange={(event: ChangeEvent<HTMLInputElement>) => edit('startDate', event.target.value)}
                    />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root name="endDate" error={problems.endDate} hint={t('retainers.form.endDateHint')}>
                    <Field.Label>{t('retainers.form.endDate')}</Field.Label>
                    <TextInput type="date" value={draft.endDate} onChange={(event: ChangeEvent<HTMLInputElement>) => edit('endDate', event.target.value)} />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root name="includedHours" error={problems.includedHours} hint={t('retainers.form.includedHoursHint')}>
                    <Field.Label>{t('retainers.form.includedHours')}</Field.Label>
                    <TextInput inputMode="decimal" value={draft.includedHours} onChange={text('includedHours')} autoComplete="off" />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root name="hourlyRate" error={problems.hourlyRate} hint={t('retainers.form.hourlyRateHint')}>
                    <Field.Label>{t('retainers.form.hourlyRate', { currency })}</Field.Label>
                    <TextInput inputMode="decimal" value={draft.hourlyRate} onChange={text('hourlyRate')} autoComplete="off" />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root name="taxRate" error={problems.taxRate}>
                    <Field.Label>{t('retainers.form.taxRate')}</Field.Label>
                    <TextInput inputMode="decimal" value={draft.taxRate} onChange={text('taxRate')} autoComplete="off" />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <Field.Root name="contract" error={problems.contract}>
                    <Field.Label>{t('retainers.form.contract')}</Field.Label>
                    <SingleSelect value={draft.contract || 'none'} onChange={(value) => edit('contract', value === 'none' ? '' : String(value))}>
                      <SingleSelectOption value="none">{t('retainers.form.noContract')}</SingleSelectOption>
                      {contracts.map((contract) => (
                        <SingleSelectOption key={contract.documentId} value={contract.documentId}>
                          {contract.number ? `${contract.number} · ${contract.title}` : contract.title}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                {retainer ? (
                  <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                    <Field.Root name="state" required>
                      <Field.Label>{t('retainers.form.state')}</Field.Label>
                      <SingleSelect value={draft.state} onChange={(value) => edit('state', value as RetainerDraft['state'])}>
                        {RETAINER_STATES.map((state) => (
                          <SingleSelectOption key={state} value={state}>
                            {label('state', state)}
                          </SingleSelectOption>
                        ))}
                      </SingleSelect>
                    </Field.Root>
                  </Grid.Item>
                ) : null}
              </Grid.Root>
              <Field.Root name="internalNotes" hint={t('retainers.form.internalNotesHint')}>
                <Field.Label>{t('retainers.form.internalNotes')}</Field.Label>
                <Textarea value={draft.internalNotes} onChange={(event: ChangeEvent<HTMLTextAreaElement>) => edit('internalNotes', event.target.value)} />
                <Field.Hint />
              </Field.Root>
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Button variant="tertiary" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {retainer ? t('retainers.form.save') : t('retainers.form.create')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
