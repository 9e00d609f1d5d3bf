import type { FormEvent } from 'react';
import { Box, Button, Flex, Grid } from '@strapi/design-system';

import {
  createMilestoneRequest,
  MILESTONE_STATES,
  updateMilestoneRequest,
  type CreateMilestoneRequest,
  type StaffMilestone,
} from '../../../../../../shared/contracts/admin-records';
import { useTranslate } from '../../../../utils/useTranslate';
import { useRecordForm } from '../../hooks/useRecordForm';
import { asText } from '../../recordForms';
import { FormFailure, SelectField, TextField } from './fields';

const draftOf = (milestone: StaffMilestone | null) => ({
  title: asText(milestone?.title),
  dueDate: asText(milestone?.dueDate),
  state: milestone?.state ?? 'pending',
});

interface MilestoneFormProps {
  /** The milestone to edit; none adds a new one. */
  milestone: StaffMilestone | null;
  /** Sends the milestone; a refusal it throws shows in the form. */
  onSave: (milestone: CreateMilestoneRequest) => Promise<void>;
  onCancel?: () => void;
}

/** A milestone's title, due date and state (pending, in progress, done), checked as the server checks them. */
export const MilestoneForm = ({ milestone, onSave, onCancel }: MilestoneFormProps) => {
  const { t, label } = useTranslate();
  const form = useRecordForm(draftOf(milestone), { dueDate: 'clientEditor.error.date', state: 'clientEditor.error.invalid' });
  const { draft, edit, reset } = form;
  const title = milestone ? t('projects.milestone.editTitle', { title: milestone.title }) : t('projects.milestone.newTitle');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await form.submit({
      schema: milestone ? updateMilestoneRequest : createMilestoneRequest,
      input: { ...draft, dueDate: draft.dueDate || null },
      failed: 'projects.milestone.failed',
      save: (request) => onSave(request as CreateMilestoneRequest),
    });
    // A new milestone's form is ready for the next one.
    if (saved && !milestone) reset(draftOf(null));
  };

  return (
    <Box tag="form" noValidate onSubmit={submit} aria-label={title} background="neutral100" hasRadius padding={4}>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <FormFailure message={form.failure} onClose={form.clearFailure} />
        <Grid.Root gap={3}>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <TextField name="title" label={t('projects.milestone.title')} required value={draft.title} onChange={(v) => edit('title', v)} error={form.errorOf('title')} />
          </Grid.Item>
          <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
            <TextField name="dueDate" type="date" label={t('projects.milestone.dueDate')} value={draft.dueDate} onChange={(v) => edit('dueDate', v)} error={form.errorOf('dueDate')} />
          </Grid.Item>
          <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
            <SelectField
              name="state"
              label={t('projects.milestone.state')}
              required
              value={draft.state}
              onChange={(v) => edit('state', v as typeof draft.state)}
              options={MILESTONE_STATES.map((state) => ({ value: state, label: label('state', state) }))}
              error={form.errorOf('state')}
            />
          </Grid.Item>
        </Grid.Root>
        <Flex gap={2} justifyContent="flex-end">
          {onCancel ? (
            <Button variant="tertiary" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          ) : null}
          <Button type="submit" variant="secondary" loading={form.saving}>
            {milestone ? t('projects.milestone.save') : t('projects.milestone.add')}
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
};
