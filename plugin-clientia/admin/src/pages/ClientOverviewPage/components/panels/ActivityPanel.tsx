import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { styled } from 'styled-components';

import type { ActivityItem } from '../../../../../../shared/contracts/admin';
import { EmptyNote } from '../../../../components/Section';
import { formatDateTime } from '../../../../utils/dates';
import { useTranslate } from '../../../../utils/useTranslate';
import { ToneBadge } from '../../../../components/ToneBadge';

const Entry = styled(Flex)`
  border-bottom: 1px solid ${({ theme }) => theme.colors.neutral150};

  &:last-child {
    border-bottom: none;
  }
`;

export const ActivityPanel = ({ activity }: { activity: ActivityItem[] }) => {
  const { t, label, locale } = useTranslate();
  if (activity.length === 0) return <EmptyNote>{t('client.activity.empty')}</EmptyNote>;
  return (
    <Box tag="ol">
      {activity.map((item, index) => (
        <Entry tag="li" key={`${item.occurredAt}-${index}`} gap={3} paddingTop={2} paddingBottom={2} alignItems="baseline" wrap="wrap">
          <Typography variant="pi" textColor="neutral600">
            {formatDateTime(item.occurredAt, locale)}
          </Typography>
          <Typography>
            {t('client.activity.entry', { actor: item.actorLabel, verb: label('verb', item.verb), label: item.subjectLabel })}
          </Typography>
          <Badge>{label('actor', item.actorType)}</Badge>
          {item.visibleToClient ? null : <ToneBadge tone="warning">{t('client.activity.staffOnly')}</ToneBadge>}
        </Entry>
      ))}
    </Box>
  );
};
