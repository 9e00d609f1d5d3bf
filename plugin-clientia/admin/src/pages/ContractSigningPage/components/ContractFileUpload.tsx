import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Box, Button, Field, Flex } from '@strapi/design-system';
import { Upload } from '@strapi/icons';

import { CONTRACT_FILE_MAX_BYTES } from '../../../../../shared/contracts/admin-contracts';
import { failureMessage } from '../../../api/failure';
import { fieldProblems } from '../../../api/fieldFailure';
import { formatFileSize } from '../../../utils/dates';
import { useTranslate } from '../../../utils/useTranslate';

interface ContractFileUploadProps {
  /** A draft with a PDF already: the upload replaces it. */
  replacing: boolean;
  onUpload: (file: File) => Promise<void>;
}

const looksLikePdf = (file: File) => file.type === 'application/pdf' || /\.pdf$/i.test(file.name);

/**
 * Uploads the PDF of a draft into the firm's private storage. The browser's checks (a PDF, not too
 * large) only save a round trip; the server reads the bytes and decides.
 */
export const ContractFileUpload = ({ replacing, onUpload }: ContractFileUploadProps) => {
  const { t, locale } = useTranslate();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const limit = formatFileSize(CONTRACT_FILE_MAX_BYTES, locale) ?? '';

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    setProblem(null);
    if (chosen && !looksLikePdf(chosen)) setProblem(t('contractEditor.file.notPdf'));
    else if (chosen && chosen.size > CONTRACT_FILE_MAX_BYTES) setProblem(t('contractEditor.file.tooLarge', { limit }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setProblem(t('contractEditor.file.required'));
      return;
    }
    if (problem) return;
    setUploading(true);
    try {
      await onUpload(file);
      setFile(null);
      if (input.current) input.current.value = '';
    } catch (error) {
      setProblem(fieldProblems(error).file ?? failureMessage(error) ?? t('contractEditor.file.failed'));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Box tag="form" noValidate onSubmit={submit} aria-label={t('contractEditor.file.formLabel')}>
      <Flex gap={3} alignItems="flex-end" wrap="wrap">
        <Field.Root name="file" error={problem ?? undefined} hint={t('contractEditor.file.hint', { limit })} style={{ flex: '1 1 20rem' }}>
          <Field.Label>{t(replacing ? 'contractEditor.file.replace' : 'contractEditor.file.choose')}</Field.Label>
          <Field.Input ref={input} type="file" accept="application/pdf,.pdf" onChange={choose} />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
        <Button type="submit" variant="secondary" startIcon={<Upload />} loading={uploading} disabled={!file || Boolean(problem)}>
          {t('contractEditor.file.upload')}
        </Button>
      </Flex>
    </Box>
  );
};
