import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Box, Button, Field, Flex } from '@strapi/design-system';
import { Upload } from '@strapi/icons';

import { failureMessage } from '../api/failure';
import { fieldProblems } from '../api/fieldFailure';
import { formatFileSize } from '../utils/dates';
import { useTranslate, type TranslationKey } from '../utils/useTranslate';

/** The keys of what the form says; the hint may name `{limit}`. */
export interface PdfUploadTexts {
  formLabel: TranslationKey;
  choose: TranslationKey;
  replace: TranslationKey;
  hint: TranslationKey;
}

interface PdfUploadProps {
  maxBytes: number;
  /** A record with a PDF already: the upload replaces it. */
  replacing: boolean;
  /** Translation keys of the form's words. */
  texts: PdfUploadTexts;
  onUpload: (file: File) => Promise<void>;
}

const looksLikePdf = (file: File) => file.type === 'application/pdf' || /\.pdf$/i.test(file.name);

/**
 * Uploads a PDF (a contract draft's, an invoice's own) into the firm's private storage. The
 * browser's checks (a PDF, not too large) only save a round trip; the server reads the bytes and
 * decides.
 */
export const PdfUpload = ({ maxBytes, replacing, texts, onUpload }: PdfUploadProps) => {
  const { t, locale } = useTranslate();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const limit = formatFileSize(maxBytes, locale) ?? '';

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    setProblem(null);
    if (chosen && !looksLikePdf(chosen)) setProblem(t('pdfUpload.notPdf'));
    else if (chosen && chosen.size > maxBytes) setProblem(t('pdfUpload.tooLarge', { limit }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setProblem(t('pdfUpload.required'));
      return;
    }
    if (problem) return;
    setUploading(true);
    try {
      await onUpload(file);
      setFile(null);
      if (input.current) input.current.value = '';
    } catch (error) {
      setProblem(fieldProblems(error).file ?? failureMessage(error) ?? t('pdfUpload.failed'));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Box tag="form" noValidate onSubmit={submit} aria-label={t(texts.formLabel)}>
      <Flex gap={3} alignItems="flex-end" wrap="wrap">
        <Field.Root name="file" error={problem ?? undefined} hint={t(texts.hint, { limit })} style={{ flex: '1 1 20rem' }}>
          <Field.Label>{t(replacing ? texts.replace : texts.choose)}</Field.Label>
          <Field.Input ref={input} type="file" accept="application/pdf,.pdf" onChange={choose} />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
        <Button type="submit" variant="secondary" startIcon={<Upload />} loading={uploading} disabled={!file || Boolean(problem)}>
          {t('pdfUpload.upload')}
        </Button>
      </Flex>
    </Box>
  );
};
