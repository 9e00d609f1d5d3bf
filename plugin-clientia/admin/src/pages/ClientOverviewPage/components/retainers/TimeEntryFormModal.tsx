import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Field, Flex, Modal, SingleSelect, SingleSelectOption, Textarea, TextInput } from '@strapi/design-system';

import { TIME_DESCRIPTION_MAX, TIME_ENTRY_MAX_HOURS, type StaffMember, type TimeEntry } from '../../../../../../shared/contracts/admin-billing';
import { failureMessage } from '../../../../api/failure';
import { fieldProblems } from '../../../../api/fieldFailure';
import { useTranslate, type TranslationKey } from '../../../../utils/useTranslate';
import { clientiaApi } from '../../../../api/client';
import { checkTimeEntry, draftFromEntry, emptyTimeEntry, type TimeEntryDraft, type TimeEntryField, type TimeEntryProblem } from '../../timeEntryForm';

/** Shown while it is rendered: the page mounts it to open it, so each opening starts afresh. */
interface TimeEntryFormModalProps {
  onClose: () => void;
  retainer: { documentId: string; title: string };
  staff: StaffMember[];
  me: number | null;
  /** The day a new entry starts on (today). */
  today: string;
  /** Left out: a new entry. */
  entry?: TimeEntry | null;
  onSaved: (entry: TimeEntry) => void;
}

const PROBLEM_KEYS: Record<TimeEntryProblem, TranslationKey> = {
  required: 'time.error.required',
  invalidDate: 'time.error.date',
  invalidHours: 'time.error.hours',
  hoursOutOfRange: 'time.error.hoursRange',
  tooPrecise: 'time.error.hoursPrecision',
  tooLong: 'time.error.tooLong',
  invalidStaff: 'time.error.staff',
};

/** Logs hours against a retainer, or corrects an entry that is not billed yet. */
export const TimeEntryFormModal = ({ onClose, retainer, staff, me, today, entry, onSaved }: TimeEntryFormModalProps) => {
  const { t, locale } = useTranslate();
  const [draft, setDraft] = useState<TimeEntryDraft>(() => (entry ? draftFromEntry(entry, locale) : emptyTimeEntry(today, me)));
  const [problems, setProblems] = useState<Partial<Record<TimeEntryField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const edit = <K extends keyof TimeEntryDraft>(field: K, value: TimeEntryDraft[K]) => {
    setDraft((previous) => ({ ...previous, [field]: value }));
    setProblems((previous) => ({ ...previous, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkTimeEntry(draft);
    if (!checked.ok) {
      setProblems(
        Object.fromEntries(
          Object.entries(checked.errors).map(([field, problem]) => [field, t(PROBLEM_KEYS[problem], { max: TIME_ENTRY_MAX_HOURS, length: TIME_DESCRIPTION_MAX })])
        )
      );
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      const saved = entry
        ? await clientiaApi.updateTimeEntry(entry.documentId, checked.request)
        : await clientiaApi.logTime(retainer.documentId, checked.request);
      onSaved(saved);
      onClose();
    } catch (error) {
      const byField = fieldProblems(error);
      setProblems(byField);
      if (Object.keys(byField).length === 0) setFailure(failureMessage(error) ?? t('time.form.failed'));
    } finally {
      setSaving(false);
    }
  };

  const title = entry ? t('time.form.editTitle', { retainer: retainer.title }) : t('time.form.logTitle', { retainer: retainer.title });
  const staffNames = staff.some((member) => String(member.id) === draft.staff)
    ? staff
    : [...staff, ...(entry?.staff && String(entry.staff.id) === draft.staff ? [entry.staff] : [])];

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
                <Alert variant="danger" closeLabel={t('common.close')} onClose={() => setFailure(null)} title={t('time.form.failedTitle')}>
                  {failure}
                </Alert>
              ) : null}
              <Flex gap={4} alignItems="flex-start" wrap="wrap">
                <Field.Root name="date" required error={problems.date} style={{ flex: '1 1 12rem' }}>
                  <Field.Label>{t('time.form.date')}</Field.Label>
                  <TextInput type="date" value={draft.date} onChange={(event: ChangeEvent<HTMLInputElement>) => edit('date', event.target.value)} />
                  <Field.Error />
                </Field.Root>
                <Field.Root name="hours" required error={problems.hours} hint={t('time.form.hoursHint')} style={{ flex: '1 1 12rem' }}>
                  <Field.Label>{t('time.form.hours')}</Field.Label>
                  <TextInput
                    inputMode="decimal"
                    autoComplete="off"
                    value={draft.hours}
                    onChange={(event: ChangeEvent<HTMLInputElement>) => edit('hours', event.target.value)}
                  />
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              </Flex>
              <Field.Root name="staff" error={problems.staff}>
                <Field.Label>{t('time.form.staff')}</Field.Label>
                <SingleSelect value={draft.staff || null} placeholder={t('time.form.staffPlaceholder')} onChange={(value) => edit('staff', String(value))}>
                  {staffNames.map((member) => (
                    <SingleSelectOption key={member.id} value={String(member.id)}>
                      {member.name}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
                <Field.Error />
              </Field.Root>
              <Field.Root name="description" error={problems.description}>
                <Field.Label>{t('time.form.description')}</Field.Label>
                <Textarea value={draft.description} onChange={(event: ChangeEvent<HTMLTextAreaElement>) => edit('description', event.target.value)} />
                <Field.Error />
              </Field.Root>
              <Checkbox checked={draft.billable} onCheckedChange={(checked) => edit('billable', checked === true)}>
                {t('time.form.billable')}
              </Checkbox>
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Button variant="tertiary" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {entry ? t('time.form.save') : t('time.form.log')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
