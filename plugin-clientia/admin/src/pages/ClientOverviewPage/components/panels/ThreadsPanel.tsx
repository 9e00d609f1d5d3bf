import { Td, Tr, Typography } from '@strapi/design-system';

import type { ClientOverview } from '../../../../../../shared/contracts/admin';
import { RecordLink } from '../../../../components/RecordLink';
import { RecordTable } from '../../../../components/RecordTable';
import { EmptyNote } from '../../../../components/Section';
import { StateBadge } from '../../../../components/StateBadge';
import { formatDateTime } from '../../../../utils/dates';
import { paths } from '../../../../utils/links';
import { useTranslate } from '../../../../utils/useTranslate';

export const ThreadsPanel = ({ threads }: { threads: ClientOverview['threads'] }) => {
  const { t, locale } = useTranslate();
  if (threads.length === 0) return <EmptyNote>{t('client.threads.empty')}</EmptyNote>;
  return (
    <RecordTable columns={[t('column.subject'), t('column.state'), t('column.lastMessage')]} rowCount={threads.length}>
      {threads.map((thread) => (
        <Tr key={thread.documentId}>
          <Td>
            <RecordLink to={paths.thread(thread.documentId)}>{thread.subject}</RecordLink>
          </Td>
          <Td>
            <StateBadge state={thread.state} />
          </Td>
          <Td>
            <Typography>{formatDateTime(thread.lastMessageAt, locale) ?? t('common.none')}</Typography>
          </Td>
        </Tr>
      ))}
    </RecordTable>
  );
};
