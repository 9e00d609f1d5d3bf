import { Box, Flex, Typography } from '@strapi/design-system';

import type { ClientOverview } from '../../../../../../shared/contracts/admin';
import { Meter } from '../../../../components/Meter';
import { RecordLink } from '../../../../components/RecordLink';
import { EmptyNote } from '../../../../components/Section';
import { StateBadge } from '../../../../components/StateBadge';
import { formatDate } from '../../../../utils/dates';
import { paths } from '../../../../utils/links';
import { useTranslate } from '../../../../utils/useTranslate';
import { useClientEditing } from '../../editing';
import { MilestonesModal } from '../editors/MilestonesModal';
import { ProjectFormModal } from '../editors/ProjectFormModal';

export const ProjectsPanel = ({ projects }: { projects: ClientOverview['projects'] }) => {
  const { t, locale } = useTranslate();
  const editing = useClientEditing();
  const newProject = editing ? (
    <Flex justifyContent="flex-end">
      <ProjectFormModal project={null} editing={editing} />
    </Flex>
  ) : null;
  if (projects.length === 0) {
    return (
      <Flex direction="column" alignItems="stretch" gap={4}>
        {newProject}
        <EmptyNote>{t('client.projects.empty')}</EmptyNote>
      </Flex>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {newProject}
      {projects.map((project) => (
        <Box key={project.documentId} borderColor="neutral200" hasRadius padding={4} tag="article" aria-label={project.name}>
          <Flex justifyContent="space-between" gap={2} wrap="wrap">
            <Flex gap={2}>
              <RecordLink to={paths.record('project', project.documentId)}>{project.name}</RecordLink>
              <StateBadge state={project.state} />
            </Flex>
            <Flex gap={2}>
              <Typography textColor="neutral600">
                {project.dueDate ? t('client.projects.due', { date: formatDate(project.dueDate, locale) ?? '' }) : null}
              </Typography>
              {editing ? (
                <>
                  <ProjectFormModal project={project} editing={editing} />
                  <MilestonesModal project={project} editing={editing} />
                </>
              ) : null}
            </Flex>
          </Flex>
          <Flex gap={3} paddingTop={3} alignItems="center">
            <Meter value={project.progress} label={t('client.projects.progress')} tone={project.progress >= 100 ? 'success' : 'primary'} />
            <Typography>{t('client.projects.percent', { progress: project.progress })}</Typography>
          </Flex>
          {project.milestones.length > 0 ? (
            <Box tag="ol" paddingTop={3}>
              {project.milestones.map((milestone) => (
                <Flex tag="li" key={milestone.documentId} gap={2} paddingTop={1}>
                  <StateBadge state={milestone.state} />
                  <Typography>{milestone.title}</Typography>
                  {milestone.dueDate ? (
                    <Typography variant="pi" textColor="neutral600">
                      {formatDate(milestone.dueDate, locale)}
                    </Typography>
                  ) : null}
                </Flex>
              ))}
            </Box>
          ) : (
            <Typography variant="pi" textColor="neutral600">
              {t('client.projects.noMilestones')}
            </Typography>
          )}
        </Box>
      ))}
    </Flex>
  );
};
