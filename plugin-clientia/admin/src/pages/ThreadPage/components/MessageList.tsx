import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Paperclip } from '@strapi/icons';

import type { ThreadMessage } from '../../../../../shared/contracts/admin';
import { EmptyNote } from '../../../components/Section';
import { useFileDownload } from '../../../hooks/useFileDownload';
import { formatDateTime, formatFileSize } from '../../../utils/dates';
import { useTranslate } from '../../../utils/useTranslate';

type Attachment = ThreadMessage['attachments'][number];

/**
 * An attachment's bytes from the admin API, which answers only requests carrying the staff
 * member's token: the page fetches them through the API module; no plain link is ever followed.
 */
export type FetchAttachment = (url: string) => Promise<Blob>;

interface Downloads {
  state: ReturnType<typeof useFileDownload>;
  fetchAttachment: FetchAttachment;
}

const AttachmentButton = ({ attachment, downloads }: { attachment: Attachment; downloads: Downloads }) => {
  const { t, locale } = useTranslate();
  const size = formatFileSize(attachment.size, locale) ?? '';
  const download = downloads.state;
  const failed = download.failure?.key === attachment.url ? download.failure : null;
  return (
    <Flex tag="li" direction="column" alignItems="flex-start" gap={1}>
      <Flex gap={2}>
        <Button
          variant="ghost"
          size="S"
          startIcon={<Paperclip />}
          loading={download.pending === attachment.url}
          aria-label={t('messages.attachment.download', { name: attachment.name, size })}
          onClick={() => void download.download(attachment.url, () => downloads.fetchAttachment(attachment.url), attachment.name)}
        >
          {attachment.name}
        </Button>
        <Typography variant="pi" textColor="neutral600">
          {size}
        </Typography>
      </Flex>
      {failed ? (
        <Typography role="alert" variant="pi" textColor="danger600">
          {t(failed.missing ? 'messages.attachment.missing' : 'messages.attachment.failed', { name: attachment.name })}
        </Typography>
      ) : null}
    </Flex>
  );
};

/** The firm's own messages sit on the right in the firm's colour; the client's on the left. */
const Message = ({ message, downloads }: { message: ThreadMessage; downloads: Downloads }) => {
  const { t, locale } = useTranslate();
  const fromStaff = message.authorType === 'staff';
  return (
    <Flex tag="li" justifyContent={fromStaff ? 'flex-end' : 'flex-start'} data-author={message.authorType}>
      <Box
        tag="article"
        aria-label={t(fromStaff ? 'thread.fromStaff' : 'thread.fromContact', { name: message.authorName })}
        maxWidth="70%"
        padding={4}
        hasRadius
        background={fromStaff ? 'primary100' : 'neutral0'}
        borderColor={fromStaff ? 'primary200' : 'neutral200'}
      >
        <Flex gap={2} paddingBottom={2} wrap="wrap">
          <Typography fontWeight="bold">{message.authorName}</Typography>
          <Typography variant="pi" textColor={fromStaff ? 'primary600' : 'neutral600'}>
            {t(fromStaff ? 'thread.staff' : 'thread.contact')}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {formatDateTime(message.createdAt, locale)}
          </Typography>
        </Flex>
        <Typography tag="p" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {message.body}
        </Typography>
        {message.attachments.length > 0 ? (
          <Box tag="ul" paddingTop={2}>
            {message.attachments.map((attachment) => (
              <AttachmentButton key={attachment.url} attachment={attachment} downloads={downloads} />
            ))}
          </Box>
        ) : null}
      </Box>
    </Flex>
  );
};

export const MessageList = ({ messages, fetchAttachment }: { messages: ThreadMessage[]; fetchAttachment: FetchAttachment }) => {
  const { t } = useTranslate();
  // One download state for the whole thread: which file is on its way, and which one failed.
  const state = useFileDownload();
  const downloads = { state, fetchAttachment };
  if (messages.length === 0) return <EmptyNote>{t('thread.noMessages')}</EmptyNote>;
  return (
    <Flex tag="ol" direction="column" alignItems="stretch" gap={3}>
      {messages.map((message) => (
        <Message key={message.documentId} message={message} downloads={downloads} />
      ))}
    </Flex>
  );
};
