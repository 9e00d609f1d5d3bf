import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Combobox, ComboboxOption, Field, Flex, Modal, Textarea, TextInput } from '@strapi/design-system';
import { PaperPlane } from '@strapi/icons';

import type { ClientRef } from '../../../shared/contracts/admin';
import { MESSAGE_BODY_MAX, startThreadRequest, THREAD_SUBJECT_MAX, type StartThreadRequest } from '../../../shared/contracts/portal-threads';
import type { ThreadWithMessages } from '../api/client';
import { failureMessage } from '../api/failure';
import { attachmentsProblem } from '../utils/attachments';
import { useTranslate } from '../utils/useTranslate';
import { AttachmentField } from './AttachmentField';

interface NewThreadModalProps {
  open: boolean;
  onClose: () => void;
  /** The client the thread is with (from the client page); left out, the staff member picks one. */
  client?: ClientRef;
  /** Finds the firm's clients by part of their name, for the picker. */
  searchClients?: (q: string) => Promise<ClientRef[]>;
  /** Starts the thread; throws the server's refusal. */
  onStart: (clientDocumentId: string, thread: StartThreadRequest, files: File[]) => Promise<ThreadWithMessages>;
  onStarted: (thread: ThreadWithMessages) => void;
}

type Problem = 'required' | 'tooLong';
type Errors = Partial<Record<'client' | 'subject' | 'body', Problem>>;

/** Clients matching what the staff member typed, the latest answer only. */
const useClientSearch = (q: string, search?: (q: string) => Promise<ClientRef[]>) => {
  const [clients, setClients] = useState<ClientRef[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!search) return undefined;
    let current = true;
    setLoading(true);
    search(q)
      .then((found) => current && setClients(found))
      .catch(() => current && setClients([]))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [q, search]);
  return { clients, loading };
};

/** A thread the firm starts: the client, a subject, the first message and any files. */
export const NewThreadModal = ({ open, onClose, client, searchClients, onStart, onStarted }: NewThreadModalProps) => {
  const { t } = useTranslate();
  const [clientId, setClientId] = useState(client?.documentId ?? '');
  const [query, setQuery] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const search = useClientSearch(query, client ? undefined : searchClients);
  const fileProblem = attachmentsProblem(files);

  const close = () => {
    setClientId(client?.documentId ?? '');
    setSubject('');
    setBody('');
    setFiles([]);
    setErrors({});
    setFailure(null);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The server's own rules for a new thread: subject and message required, within their limits.
    const checked = startThreadRequest.safeParse({ subject, body });
    const found: Errors = {};
    if (!clientId) found.client = 'required';
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const field = issue.path[0] as 'subject' | 'body';
        found[field] = issue.code === 'too_big' ? 'tooLong' : 'required';
      }
    }
    setErrors(found);
    if (Object.keys(found).length || !checked.success || fileProblem) return;
    setSending(true);
    setFailure(null);
    try {
      const thread = await onStart(clientId, checked.data, files);
      close();
      onStarted(thread);
    } catch (error) {
      setFailure(failureMessage(error) ?? t('messages.newThread.failed'));
    } finally {
      setSending(false);
    }
  };

  const title = client ? t('messages.newThread.titleWith', { client: client.name }) : t('messages.newThread.title');

  return (
    <Modal.Root open={open} onOpenChange={(next) => (next || sending ? undefined : close())}>
      <Modal.Content>
        <Modal.Header closeLabel={t('common.close')}>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <form noValidate onSubmit={submit} aria-label={title}>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {failure ? (
                <Alert variant="danger" closeLabel={t('common.close')} onClose={() => setFailure(null)} title={t('messages.newThread.failed')}>
                  {failure}
                </Alert>
              ) : null}
              {client ? null : (
                <Field.Root name="client" required error={errors.client ? t('messages.newThread.client.required') : undefined}>
                  <Field.Label>{t('messages.newThread.client')}</Field.Label>
                  <Combobox
                    value={clientId || undefined}
                    placeholder={t('messages.newThread.client.placeholder')}
                    loading={search.loading}
                    autocomplete="none"
                    noOptionsMessage={() => t('messages.newThread.client.none')}
                    onTextValueChange={(text) => setQuery(text)}
                    onChange={(value) => {
                      setClientId(value ?? '');
                      if (errors.client) setErrors((previous) => ({ ...previous, client: undefined }));
                    }}
                  >
                    {search.clients.map((option) => (
                      <ComboboxOption key={option.documentId} value={option.documentId}>
                        {option.name}
                      </ComboboxOption>
                    ))}
                  </Combobox>
                  <Field.Error />
                </Field.Root>
              )}
              <Field.Root
                name="subject"
                required
                error={errors.subject ? t(errors.subject === 'tooLong' ? 'messages.newThread.subject.tooLong' : 'messages.newThread.subject.required', { max: THREAD_SUBJECT_MAX }) : undefined}
              >
                <Field.Label>{t('messages.newThread.subject')}</Field.Label>
                <TextInput value={subject} onChange={(event) => setSubject(event.target.value)} autoComplete="off" />
                <Field.Error />
              </Field.Root>
              <Field.Root
                name="body"
                required
                hint={t('messages.newThread.body.hint')}
                error={errors.body ? t(errors.body === 'tooLong' ? 'messages.newThread.body.tooLong' : 'messages.newThread.body.required', { max: MESSAGE_BODY_MAX }) : undefined}
              >
                <Field.Label>{t('messages.newThread.body')}</Field.Label>
                <Textarea value={body} onChange={(event) => setBody(event.target.value)} />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
              <AttachmentField files={files} onChange={setFiles} problem={fileProblem} disabled={sending} />
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Button variant="tertiary" onClick={close} disabled={sending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" startIcon={<PaperPlane />} loading={sending}>
              {t('messages.newThread.send')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
