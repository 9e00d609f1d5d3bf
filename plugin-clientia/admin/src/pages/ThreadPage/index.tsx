import { useEffect } from 'react';
import { Flex } from '@strapi/design-system';
import { BackButton, Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';

import { clientiaApi } from '../../api/client';
import { failureMessage, isNotFound } from '../../api/failure';
import { RecordLink } from '../../components/RecordLink';
import { StateBadge } from '../../components/StateBadge';
import { usePermission } from '../../hooks/usePermission';
import { ACTIONS } from '../../permissions';
import { inboxChanged } from '../../utils/inboxEvents';
import { paths } from '../../utils/links';
import { useTranslate } from '../../utils/useTranslate';
import { ThreadStateButton } from './components/ThreadStateButton';
import { ThreadView } from './components/ThreadView';
import { useThread } from './hooks/useThread';

export const ThreadPage = () => {
  const { t } = useTranslate();
  const { documentId = '' } = useParams<{ documentId: string }>();
  const { state, replace } = useThread(documentId);
  const canManage = usePermission(ACTIONS.manageRecords);
  const { toggleNotification } = useNotification();
  const loaded = state.status === 'ready' ? state.data.documentId : null;

  // Opening the thread read it: the menu's count of threads awaiting a reply follows.
  useEffect(() => {
    if (loaded) inboxChanged();
  }, [loaded]);

  if (!state.data) {
    if (state.status === 'loading') return <Page.Loading />;
    return <Page.Error content={t(state.status === 'error' && isNotFound(state.error) ? 'thread.notFound' : 'thread.error')} />;
  }

  const thread = state.data;

  const reply = async (body: string, files: File[]) => {
    const message = await clientiaApi.replyToThread(thread.documentId, { body }, files);
    replace({
      ...thread,
      messages: [...thread.messages, message],
      messageCount: thread.messageCount + 1,
      lastMessageAt: message.createdAt,
    });
    toggleNotification({ type: 'success', message: t('thread.reply.sent') });
  };

  const setThreadState = async (next: 'open' | 'closed') => {
    try {
      await clientiaApi.setThreadState(thread.documentId, next);
      replace({ ...thread, state: next });
      inboxChanged();
      toggleNotification({ type: 'success', message: t(next === 'closed' ? 'thread.closed' : 'thread.reopened') });
    } catch (error) {
      toggleNotification({ type: 'danger', message: failureMessage(error) ?? t('thread.stateFailed') });
    }
  };

  return (
    <Page.Main>
      <Page.Title>{thread.subject}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={paths.inbox} />}
        title={thread.subject}
        subtitle={
          <Flex gap={2}>
            <StateBadge state={thread.state} />
            <RecordLink to={paths.client(thread.client.documentId)}>{thread.client.name}</RecordLink>
          </Flex>
        }
        primaryAction={canManage.allowed ? <ThreadStateButton state={thread.state} onChange={setThreadState} /> : undefined}
      />
      <Layouts.Content>
        <ThreadView thread={thread} canReply={canManage.allowed} onReply={reply} fetchAttachment={clientiaApi.downloadAttachment} />
      </Layouts.Content>
    </Page.Main>
  );
};
