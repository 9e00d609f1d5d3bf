import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { Paperclip } from '@strapi/icons';

import type { ThreadMessage } from '../../../../../shared/contracts/admin';
import { EmptyNote } from '../../../components/Section';
import { formatDateTime, formatFileSize } from '../../../utils/dates';
import { useTranslate } from '../../../utils/useTranslate';

/** Saves an attachment under its own name; the admin API needs the staff token, so no plain link. */
const saveAttachment = async (url: string, name: string) => {
  // Loaded on click: the list itself stays free of the admin's fetch machinery.
  const { clientiaApi } = await import('../../../api/client');
  const blob = await clientiaApi.downloadAttachment(url);
  const href = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.download = name;
  anchor.click();
  URL.revokeObjectURL(href);
};

/** The firm's own messages sit on the right in the firm's colour; the client's on the left. */
const Message = ({ message }: { message: ThreadMessage }) => {
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
              <Flex tag="li" gap={2} key={attachment.url}>
                <Paperclip />
                <Link
                  href={attachment.url}
                  onClick={(event: { preventDefault(): void }) => {
                    event.preventDefault();
                    void saveAttachment(attachment.url, attachment.name);
                  }}
                >
                  {attachment.name}
                </Link>
                <Typography variant="pi" textColor="neutral600">
                  {formatFileSize(attachment.size, locale)}
                </Typography>
              </Flex>
            ))}
          </Box>
        ) : null}
      </Box>
    </Flex>
  );
};

export const MessageList = ({ messages }: { messages: ThreadMessage[] }) => {
  const { t } = useTranslate();
  if (messages.length === 0) return <EmptyNote>{t('thread.noMessages')}</EmptyNote>;
  return (
    <Flex tag="ol" direction="column" alignItems="stretch" gap={3}>
      {messages.map((message) => (
        <Message key={message.documentId} message={message} />
      ))}
    </Flex>
  );
};
