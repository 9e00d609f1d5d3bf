import { Badge, Box, Flex, Td, Tr, Typography } from '@strapi/design-system';

import type { InboxThread } from '../../../../../shared/contracts/admin';
import { RecordLink } from '../../../components/RecordLink';
import { RecordTable } from '../../../components/RecordTable';
import { EmptyNote } from '../../../components/Section';
import { StateBadge } from '../../../components/StateBadge';
import { formatDateTime } from '../../../utils/dates';
import { paths } from '../../../utils/links';
import { useTranslate } from '../../../utils/useTranslate';

interface ThreadListProps {
  threads: InboxThread[];
  state: 'open' | 'closed';
}

export const ThreadList = ({ threads, state }: ThreadListProps) => {
  const { t, locale } = useTranslate();
  if (threads.length === 0) {
    return <EmptyNote>{t(state === 'open' ? 'inbox.empty.open' : 'inbox.empty.closed')}</EmptyNote>;
  }
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow">
      <RecordTable
        columns={[t('column.subject'), t('column.client'), t('column.messages'), t('column.lastMessage'), t('column.state')]}
        rowCount={threads.length}
      >
        {threads.map((thread) => (
          <Tr key={thread.documentId}>
            <Td>
              <Flex gap={2}>
                {thread.unreadByStaff ? <Badge variant="primary">{t('common.unread')}</Badge> : null}
                <RecordLink to={paths.thread(thread.documentId)}>
                  <Typography fontWeight={thread.unreadByStaff ? 'bold' : 'regular'} textColor="inherit">
                    {thread.subject}
                  </Typography>
                </RecordLink>
              </Flex>
            </Td>
            <Td>
              <RecordLink to={paths.client(thread.client.documentId)}>{thread.client.name}</RecordLink>
            </Td>
            <Td>
              <Typography>{thread.messageCount}</Typography>
            </Td>
            <Td>
              <Typography>{formatDateTime(thread.lastMessageAt, locale) ?? t('common.none')}</Typography>
            </Td>
            <Td>
              <StateBadge state={thread.state} />
            </Td>
          </Tr>
        ))}
      </RecordTable>
    </Box>
  );
};
