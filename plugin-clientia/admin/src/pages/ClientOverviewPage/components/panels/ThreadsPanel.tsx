import { useState } from 'react';
import { Button, Flex, Td, Tr, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useNavigate } from 'react-router-dom';

import type { ClientOverview, ClientRef } from '../../../../../../shared/contracts/admin';
import { NewThreadModal } from '../../../../components/NewThreadModal';
import { RecordLink } from '../../../../components/RecordLink';
import { RecordTable } from '../../../../components/RecordTable';
import { EmptyNote } from '../../../../components/Section';
import { StateBadge } from '../../../../components/StateBadge';
import { formatDateTime } from '../../../../utils/dates';
import { paths } from '../../../../utils/links';
import { useTranslate } from '../../../../utils/useTranslate';
import type { RecordControls } from '../../recordControls';

interface ThreadsPanelProps {
  threads: ClientOverview['threads'];
  client: ClientRef;
  /** Given to staff who may manage records: the firm starts a thread from here. */
  startThread?: RecordControls['startThread'];
}

export const ThreadsPanel = ({ threads, client, startThread }: ThreadsPanelProps) => {
  const { t, locale } = useTranslate();
  const navigate = useNavigate();
  const [writing, setWriting] = useState(false);
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {startThread ? (
        <Flex justifyContent="flex-end">
          <Button startIcon={<Plus />} onClick={() => setWriting(true)}>
            {t('messages.newThread')}
          </Button>
          <NewThreadModal
            open={writing}
            client={client}
            onClose={() => setWriting(false)}
            onStart={(_clientId, thread, files) => startThread(thread, files)}
            onStarted={(thread) => navigate(paths.thread(thread.documentId))}
          />
        </Flex>
      ) : null}
      {threads.length === 0 ? (
        <EmptyNote>{t('client.threads.empty')}</EmptyNote>
      ) : (
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
      )}
    </Flex>
  );
};
