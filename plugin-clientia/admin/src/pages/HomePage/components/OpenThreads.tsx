import { Badge, Td, Tr, Typography } from '@strapi/design-system';

import type { AttentionOverview } from '../../../../../shared/contracts/admin';
import { RecordLink } from '../../../components/RecordLink';
import { RecordTable } from '../../../components/RecordTable';
import { Section } from '../../../components/Section';
import { formatDateTime } from '../../../utils/dates';
import { paths } from '../../../utils/links';
import { useTranslate } from '../../../utils/useTranslate';

export const OpenThreads = ({ threads }: { threads: AttentionOverview['openThreads'] }) => {
  const { t, locale } = useTranslate();
  return (
    <Section title={t('home.threads.title')} count={threads.length} empty={threads.length === 0 ? t('home.threads.empty') : null}>
      <RecordTable columns={[t('column.subject'), t('column.client'), t('column.lastMessage'), '']} rowCount={threads.length}>
        {threads.map((thread) => (
          <Tr key={thread.documentId}>
            <Td>
              <RecordLink to={paths.thread(thread.documentId)}>
                <Typography fontWeight={thread.unreadByStaff ? 'bold' : 'regular'} textColor="inherit">
                  {thread.subject}
                </Typography>
              </RecordLink>
            </Td>
            <Td>
              <RecordLink to={paths.client(thread.client.documentId)}>{thread.client.name}</RecordLink>
            </Td>
            <Td>
              <Typography>{formatDateTime(thread.lastMessageAt, locale) ?? t('common.none')}</Typography>
            </Td>
            <Td>{thread.unreadByStaff ? <Badge variant="primary">{t('common.unread')}</Badge> : null}</Td>
          </Tr>
        ))}
      </RecordTable>
    </Section>
  );
};
