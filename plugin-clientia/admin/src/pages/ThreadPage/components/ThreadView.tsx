import { Flex, Typography } from '@strapi/design-system';

import type { ThreadWithMessages } from '../../../api/client';
import { EmptyNote } from '../../../components/Section';
import { useTranslate } from '../../../utils/useTranslate';
import { MessageList, type FetchAttachment } from './MessageList';
import { ReplyForm } from './ReplyForm';

interface ThreadViewProps {
  thread: ThreadWithMessages;
  canReply: boolean;
  onReply: (body: string, files: File[]) => Promise<void>;
  /** An attachment's bytes through the API module, with the staff member's token. */
  fetchAttachment: FetchAttachment;
}

export const ThreadView = ({ thread, canReply, onReply, fetchAttachment }: ThreadViewProps) => {
  const { t } = useTranslate();
  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <MessageList messages={thread.messages} fetchAttachment={fetchAttachment} />
      {!canReply ? (
        <EmptyNote>{t('thread.readOnly')}</EmptyNote>
      ) : thread.state === 'closed' ? (
        <Typography textColor="neutral600">{t('thread.closedNote')}</Typography>
      ) : (
        <ReplyForm onReply={onReply} />
      )}
    </Flex>
  );
};
