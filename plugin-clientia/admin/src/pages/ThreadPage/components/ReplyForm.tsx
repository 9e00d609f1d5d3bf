import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Box, Button, Field, Flex, Textarea } from '@strapi/design-system';
import { PaperPlane } from '@strapi/icons';

import { replyRequest } from '../../../../../shared/contracts/admin';
import { MESSAGE_BODY_MAX } from '../../../../../shared/contracts/portal-threads';
import { failureMessage } from '../../../api/failure';
import { AttachmentField } from '../../../components/AttachmentField';
import { attachmentsProblem } from '../../../utils/attachments';
import { useTranslate } from '../../../utils/useTranslate';

interface ReplyFormProps {
  /** Sends the reply with its files (none, usually); throws the server's refusal. */
  onReply: (body: string, files: File[]) => Promise<void>;
}

export const ReplyForm = ({ onReply }: ReplyFormProps) => {
  const { t } = useTranslate();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const fileProblem = attachmentsProblem(files);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The server's rule for a reply: text, not empty once trimmed, at most MESSAGE_BODY_MAX characters.
    const checked = replyRequest.safeParse({ body });
    if (!checked.success) {
      const tooLong = checked.error.issues.some((issue) => issue.code === 'too_big');
      setError(tooLong ? t('thread.reply.tooLong', { max: MESSAGE_BODY_MAX }) : t('thread.reply.required'));
      return;
    }
    if (fileProblem) return;
    const text = checked.data.body;
    setSending(true);
    setError(null);
    try {
      await onReply(text, files);
      setBody('');
      setFiles([]);
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
      <Box paddingTop={4}>
        <AttachmentField files={files} onChange={setFiles} problem={fileProblem} disabled={sending} />
      </Box>
      <Flex justifyContent="flex-end" paddingTop={4}>
        <Button type="submit" startIcon={<PaperPlane />} loading={sending}>
          {t('thread.reply.send')}
        </Button>
      </Flex>
    </Box>
  );
};
