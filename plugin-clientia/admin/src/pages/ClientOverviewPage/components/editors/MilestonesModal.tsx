import { useEffect, useState } from 'react';
import { Box, Button, Flex, IconButton, Loader, Modal, Typography } from '@strapi/design-system';
import { ArrowDown, ArrowUp, Pencil } from '@strapi/icons';

import type { CreateMilestoneRequest, StaffProject } from '../../../../../../shared/contracts/admin-records';
import { clientiaApi } from '../../../../api/client';
import { failureMessage } from '../../../../api/failure';
import { StateBadge } from '../../../../components/StateBadge';
import { formatDate } from '../../../../utils/dates';
import { useTranslate } from '../../../../utils/useTranslate';
import type { ClientEditing } from '../../editing';
import { FormFailure } from './fields';
import { MilestoneForm } from './MilestoneForm';

/** The order after moving one milestone a place up (-1) or down (+1). */
export const moved = (ids: string[], index: number, step: -1 | 1) => {
  const target = index + step;
  if (target < 0 || target >= ids.length) return ids;
  const next = [...ids];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
};

interface MilestonesModalProps {
  project: { documentId: string; name: string };
  editing: ClientEditing;
}

/** A project's milestones in the firm's order: add, edit, mark done, move up or down. */
export const MilestonesModal = ({ project, editing }: MilestonesModalProps) => {
  const { t, locale } = useTranslate();
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<StaffProject | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);
  const clientId = editing.client.documentId;

  useEffect(() => {
    if (!open) return;
    let current = true;
    setLoaded(null);
    setEditingId(null);
    setFailure(null);
    clientiaApi.getProject(clientId, project.documentId).then(
      (answer) => current && setLoaded(answer),
      (error: unknown) => current && setFailure(failureMessage(error) ?? t('projects.loadFailed'))
    );
    return () => {
      current = false;
    };
  }, [open, clientId, project.documentId, t]);

  /** Every change answers the whole project; the client page loads again so its panels agree. */
  const changed = (answer: StaffProject) => {
    setLoaded(answer);
    editing.onChanged();
  };

  const add = async (milestone: CreateMilestoneRequest) => changed(await clientiaApi.createMilestone(clientId, project.documentId, milestone));

  const update = (milestoneId: string) => async (changes: CreateMilestoneRequest) => {
    changed(await clientiaApi.updateMilestone(clientId, project.documentId, milestoneId, changes));
    setEditingId(null);
  };

  const move = async (index: number, step: -1 | 1) => {
    if (!loaded) return;
    setMoving(true);
    setFailure(null);
    try {
      const current = loaded.milestones.map((milestone) => milestone.documentId);
      const order = moved(current, index, step);
      if (order !== current) changed(await clientiaApi.reorderMilestones(clientId, project.documentId, order));
    } catch (error) {
      setFailure(failureMessage(error) ?? t('projects.milestone.failed'));
    } finally {
      setMoving(false);
    }
  };

  const title = t('projects.milestonesTitle', { name: project.name });
  const milestones = loaded?.milestones ?? [];

  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button variant="tertiary" size="S" aria-label={t('projects.milestonesLabel', { name: project.name })}>
          {t('projects.milestones')}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header closeLabel={t('common.close')}>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <FormFailure message={failure} onClose={() => setFailure(null)} />
            {!loaded ? (
              failure ? null : <Loader small>{t('projects.loading')}</Loader>
            ) : (
              <>
                {milestones.length === 0 ? (
                  <Typography textColor="neutral600">{t('projects.milestone.empty')}</Typography>
                ) : (
                  <Box tag="ol" aria-label={title}>
                    {milestones.map((milestone, index) => (
                      <Box tag="li" key={milestone.documentId} paddingTop={2} paddingBottom={2}>
                        {editingId === milestone.documentId ? (
                          <MilestoneForm milestone={milestone} onSave={update(milestone.documentId)} onCancel={() => setEditingId(null)} />
                        ) : (
                          <Flex justifyContent="space-between" gap={2} wrap="wrap">
                            <Flex gap={2} wrap="wrap">
                              <StateBadge state={milestone.state} />
                              <Typography fontWeight="semiBold">{milestone.title}</Typography>
                              <Typography variant="pi" textColor="neutral600">
                                {milestone.state === 'done' && milestone.completedAt
                                  ? t('projects.milestone.completed', { date: formatDate(milestone.completedAt, locale) ?? '' })
                                  : milestone.dueDate
                                    ? t('projects.milestone.due', { date: formatDate(milestone.dueDate, locale) ?? '' })
                                    : t('projects.milestone.noDue')}
                              </Typography>
                            </Flex>
                            <Flex gap={1}>
                              <IconButton
                                label={t('projects.milestone.moveUp', { title: milestone.title })}
                                disabled={index === 0 || moving}
                                onClick={() => move(index, -1)}
                              >
                                <ArrowUp />
                              </IconButton>
                              <IconButton
                                label={t('projects.milestone.moveDown', { title: milestone.title })}
                                disabled={index === milestones.length - 1 || moving}
                                onClick={() => move(index, 1)}
                              >
                                <ArrowDown />
                              </IconButton>
                              <IconButton label={t('projects.milestone.editLabel', { title: milestone.title })} onClick={() => setEditingId(milestone.documentId)}>
                                <Pencil />
                              </IconButton>
                            </Flex>
                          </Flex>
                        )}
                      </Box>
                    ))}
                  </Box>
                )}
                <MilestoneForm milestone={null} onSave={add} />
              </>
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <span />
          <Button onClick={() => setOpen(false)}>{t('invite.done')}</Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
