import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Box, Button, Field, Flex, Textarea } from '@strapi/design-system';
import { PaperPlane } from '@strapi/icons';

import { failureMessage } from '../../../api/failure';
import { useTranslate } from '../../../utils/useTranslate';

export const MAX_REPLY_LENGTH = 10_000;

interface ReplyFormProps {
  onReply: (body: string) => Promise<void>;
}

export const ReplyForm = ({ onReply }: ReplyFormProps) => {
  const { t } = useTranslate();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    if (!text) {
      setError(t('thread.reply.required'));
      return;
    }
    if (text.length > MAX_REPLY_LENGTH) {
      setError(t('thread.reply.tooLong', { max: MAX_REPLY_LENGTH }));
      return;
    }
    setSending(true);
    setError(null);
    try {
      await onReply(text);
      setBody('');
    } catch (failure) {
      setError(failureMessage(failure) ?? t('thread.reply.failed'));
    } finally {
      setSending(false);
    }
  };

  return (
    <Box tag="form" noValidate onSubmit={submit} background="neutral0" hasRadius shadow="tableShadow" padding={6}>
      <Field.Root name="body" required error={error ?? undefined} hint={t('thread.reply.hint')}>
        <Field.Label>{t('thread.reply.label')}</Field.Label>
        <Textarea
          value={body}
          onChange={(event: ChangeEvent<HTMLTextAreaElement>) => {
            setBody(event.target.value);
            if (error) setError(null);
          }}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
      <Flex justifyContent="flex-end" paddingTop={4}>
        <Button type="submit" startIcon={<PaperPlane />} loading={sending}>
          {t('thread.reply.send')}
        </Button>
      </Flex>
    </Box>
  );
};
