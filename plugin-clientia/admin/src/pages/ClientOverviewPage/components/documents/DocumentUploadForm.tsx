import { useId, useState, type FormEvent } from 'react';
import { Box, Button, Field, Flex, IconButton, Radio, TextInput, Typography } from '@strapi/design-system';
import { Cross, Upload } from '@strapi/icons';

import type { UploadStaffDocumentFields } from '../../../../../../shared/contracts/admin-documents';
import { DOCUMENT_FOLDER_MAX, DOCUMENT_TITLE_MAX } from '../../../../../../shared/contracts/portal-documents';
import { failureMessage } from '../../../../api/failure';
import { FileDropZone } from '../../../../components/FileDropZone';
import { formatFileSize } from '../../../../utils/dates';
import { UPLOAD_MAX_MB } from '../../../../utils/files';
import { useTranslate, type TranslationKey } from '../../../../utils/useTranslate';
import { addFiles, checkUpload, EMPTY_UPLOAD, filesToSend, type PickedFile, type UploadDraft, type UploadErrors } from '../../documentUpload';

interface DocumentUploadFormProps {
  /** The client's folders, offered as suggestions; a new name is just as welcome. */
  folders: string[];
  /** Uploads one file; throws the server's refusal. */
  onUpload: (file: File, fields: UploadStaffDocumentFields) => Promise<void>;
  /** Called once the files are sent, with how many arrived. */
  onUploaded: (count: number) => void;
}

const PROBLEM_KEYS = {
  tooLarge: 'documents.upload.tooLarge',
  empty: 'documents.upload.empty',
  wrongType: 'documents.upload.wrongType',
} as const satisfies Record<NonNullable<PickedFile['problem']>, TranslationKey>;

/**
 * The Documents tab's upload: several files at once, by drag and drop or the file picker, into a
 * folder, shared with the client or kept internal. Files go one request each, so one refused file
 * leaves the others uploaded and says why next to its name.
 */
export const DocumentUploadForm = ({ folders, onUpload, onUploaded }: DocumentUploadFormProps) => {
  const { t, locale } = useTranslate();
  const folderListId = useId();
  const visibilityLabelId = useId();
  const visibilityErrorId = useId();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [draft, setDraft] = useState<UploadDraft>(EMPTY_UPLOAD);
  const [errors, setErrors] = useState<UploadErrors>({});
  const [sending, setSending] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);

  const edit = <K extends keyof UploadDraft>(field: K, value: UploadDraft[K]) => {
    setDraft((previous) => ({ ...previous, [field]: value }));
    if (errors[field]) setErrors((previous) => ({ ...previous, [field]: undefined }));
  };

  const update = (key: string, changes: Partial<PickedFile>) =>
    setFiles((previous) => previous.map((entry) => (entry.key === key ? { ...entry, ...changes } : entry)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkUpload(draft, files);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setSending(true);
    setSummary(null);
    let uploaded = 0;
    for (const entry of filesToSend(files)) {
      update(entry.key, { status: 'uploading', failure: null });
      try {
        await onUpload(entry.file, checked.fields);
        update(entry.key, { status: 'done' });
        uploaded += 1;
      } catch (error) {
        update(entry.key, { status: 'failed', failure: failureMessage(error) });
      }
    }
    setSending(false);
    // What arrived leaves the list; what was refused stays, with the reason, to be removed or retried.
    setFiles((previous) => previous.filter((entry) => entry.status !== 'done'));
    setSummary(t('documents.upload.finished', { count: uploaded }));
    if (uploaded > 0) {
      setDraft((previous) => ({ ...previous, title: '' }));
      onUploaded(uploaded);
    }
  };

  const sendCount = filesToSend(files).length;
  const statusText = (entry: PickedFile) => {
    if (entry.problem) return t(PROBLEM_KEYS[entry.problem], { max: UPLOAD_MAX_MB });
    if (entry.status === 'uploading') return t('documents.upload.uploading');
    if (entry.status === 'done') return t('documents.upload.done');
    if (entry.status === 'failed') return entry.failure ? t('documents.upload.failed', { reason: entry.failure }) : t('documents.upload.failedUnknown');
    return null;
  };

  return (
    <Box tag="form" noValidate onSubmit={submit} aria-label={t('documents.upload.title')} paddingBottom={6}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h3">
          {t('documents.upload.title')}
        </Typography>
        <FileDropZone
          label={t('documents.upload.input')}
          prompt={t('documents.upload.prompt')}
          buttonLabel={t('documents.upload.choose')}
          hint={t('documents.upload.hint', { max: UPLOAD_MAX_MB })}
          disabled={sending}
          onFiles={(chosen) => {
            setFiles((previous) => addFiles(previous, chosen));
            setSummary(null);
            if (errors.files) setErrors((previous) => ({ ...previous, files: undefined }));
          }}
        />
        {errors.files ? (
          <Typography role="alert" variant="pi" textColor="danger600">
            {t('documents.upload.noFiles')}
          </Typography>
        ) : null}
        {files.length > 0 ? (
          <Box tag="ul" aria-label={t('documents.upload.selected')}>
            {files.map((entry) => {
              const status = statusText(entry);
              const bad = Boolean(entry.problem) || entry.status === 'failed';
              return (
                <Flex tag="li" key={entry.key} gap={3} paddingTop={1} paddingBottom={1} data-status={entry.problem ? 'refused' : entry.status}>
                  <Typography fontWeight="semiBold">{entry.file.name}</Typography>
                  <Typography variant="pi" textColor="neutral600">
                    {formatFileSize(entry.file.size, locale)}
                  </Typography>
                  {status ? (
                    <Typography variant="pi" textColor={bad ? 'danger600' : entry.status === 'done' ? 'success600' : 'neutral600'}>
                      {status}
                    </Typography>
                  ) : null}
                  {entry.status !== 'uploading' && entry.status !== 'done' ? (
                    <IconButton
                      label={t('documents.upload.remove', { name: entry.file.name })}
                      variant="ghost"
                      size="S"
                      disabled={sending}
                      onClick={() => setFiles((previous) => previous.filter((other) => other.key !== entry.key))}
                    >
                      <Cross />
                    </IconButton>
                  ) : null}
                </Flex>
              );
            })}
          </Box>
        ) : null}
        <Flex gap={4} alignItems="flex-start" wrap="wrap">
          {sendCount === 1 ? (
            <Box flex="1" minWidth="20rem">
              <Field.Root
                name="title"
                hint={t('documents.upload.titleField.hint')}
                error={errors.title ? t('documents.upload.titleField.tooLong', { max: DOCUMENT_TITLE_MAX }) : undefined}
              >
                <Field.Label>{t('documents.upload.titleField')}</Field.Label>
                <TextInput value={draft.title} onChange={(event) => edit('title', event.target.value)} autoComplete="off" />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
            </Box>
          ) : null}
          <Box flex="1" minWidth="20rem">
            <Field.Root
              name="folder"
              hint={t('documents.upload.folder.hint')}
              error={errors.folder ? t('documents.upload.folder.tooLong', { max: DOCUMENT_FOLDER_MAX }) : undefined}
            >
              <Field.Label>{t('documents.upload.folder')}</Field.Label>
              <TextInput
                value={draft.folder}
                placeholder={folders[0]}
                list={folderListId}
                onChange={(event) => edit('folder', event.target.value)}
                autoComplete="off"
              />
              <datalist id={folderListId}>
                {folders.map((folder) => (
                  <option key={folder} value={folder} />
                ))}
              </datalist>
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Box>
        </Flex>
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Typography id={visibilityLabelId} variant="pi" fontWeight="bold" textColor="neutral800">
            {t('documents.upload.visibility')}
          </Typography>
          <Radio.Group
            aria-labelledby={visibilityLabelId}
            aria-describedby={errors.visibility ? visibilityErrorId : undefined}
            aria-required
            name="visibility"
            value={draft.visibility}
            onValueChange={(value) => edit('visibility', value as UploadDraft['visibility'])}
          >
            <Radio.Item value="shared">{t('documents.upload.visibility.shared')}</Radio.Item>
            <Radio.Item value="internal">{t('documents.upload.visibility.internal')}</Radio.Item>
          </Radio.Group>
          {errors.visibility ? (
            <Typography id={visibilityErrorId} role="alert" variant="pi" textColor="danger600">
              {t('documents.upload.visibility.required')}
            </Typography>
          ) : null}
        </Flex>
        <Flex justifyContent="space-between" alignItems="center" gap={4}>
          <Typography role="status" textColor="neutral600">
            {summary}
          </Typography>
          <Button type="submit" startIcon={<Upload />} loading={sending}>
            {t('documents.upload.submit', { count: sendCount })}
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
};
