import { Box, Flex, IconButton, Typography } from '@strapi/design-system';
import { Cross, Paperclip } from '@strapi/icons';

import { UPLOAD_MAX_MB } from '../utils/files';
import { MAX_ATTACHMENTS } from '../../../shared/contracts/portal-threads';
import { ATTACHMENTS_MAX_MB, type AttachmentsProblem } from '../utils/attachments';
import { formatFileSize } from '../utils/dates';
import { useTranslate, type TranslationKey } from '../utils/useTranslate';
import { FileDropZone } from './FileDropZone';

interface AttachmentFieldProps {
  files: File[];
  onChange: (files: File[]) => void;
  problem: AttachmentsProblem | null;
  disabled?: boolean;
}

const FILE_PROBLEMS = {
  tooLarge: 'documents.upload.tooLarge',
  empty: 'documents.upload.empty',
  wrongType: 'documents.upload.wrongType',
} as const satisfies Record<string, TranslationKey>;

/** The files of a staff message: dropped or picked, listed with a way to take each one off again. */
export const AttachmentField = ({ files, onChange, problem, disabled = false }: AttachmentFieldProps) => {
  const { t, locale } = useTranslate();
  const problemText =
    problem?.kind === 'tooMany'
      ? t('messages.attachments.tooMany', { count: MAX_ATTACHMENTS })
      : problem?.kind === 'tooLarge'
        ? t('messages.attachments.tooLarge', { max: ATTACHMENTS_MAX_MB })
        : problem?.kind === 'file'
          ? t('messages.attachments.problem', { name: problem.name, problem: t(FILE_PROBLEMS[problem.problem], { max: UPLOAD_MAX_MB }) })
          : null;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="pi" fontWeight="bold" textColor="neutral800">
        {t('messages.attachments')}
      </Typography>
      <FileDropZone
        label={t('messages.attachments.input')}
        prompt={t('messages.attachments.prompt')}
        buttonLabel={t('messages.attachments.choose')}
        hint={t('messages.attachments.hint', { count: MAX_ATTACHMENTS, max: ATTACHMENTS_MAX_MB })}
        disabled={disabled}
        onFiles={(added) => onChange([...files, ...added])}
      />
      {files.length > 0 ? (
        <Box tag="ul" aria-label={t('messages.attachments')}>
          {files.map((file, index) => (
            <Flex tag="li" key={`${file.name}-${index}`} gap={2}>
              <Paperclip aria-hidden />
              <Typography>{file.name}</Typography>
              <Typography variant="pi" textColor="neutral600">
                {formatFileSize(file.size, locale)}
              </Typography>
              <IconButton
                label={t('messages.attachments.remove', { name: file.name })}
                variant="ghost"
                size="S"
                disabled={disabled}
                onClick={() => onChange(files.filter((_, other) => other !== index))}
              >
                <Cross />
              </IconButton>
            </Flex>
          ))}
        </Box>
      ) : null}
      {problemText ? (
        <Typography role="alert" variant="pi" textColor="danger600">
          {problemText}
        </Typography>
      ) : null}
    </Flex>
  );
};
