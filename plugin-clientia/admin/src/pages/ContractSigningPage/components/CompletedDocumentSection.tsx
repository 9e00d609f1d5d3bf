import { useState } from 'react';
import { Box, Button, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';

import type { CompletedDocument } from '../../../../../shared/contracts/signing';
import { Section } from '../../../components/Section';
import { formatDateTime, formatFileSize } from '../../../utils/dates';
import { useTranslate } from '../../../utils/useTranslate';
import { formatUtc } from '../signing';
import { DetailGrid } from './DetailGrid';
import { HashValue } from './HashValue';

interface CompletedDocumentSectionProps {
  completed: CompletedDocument;
  onDownload: () => Promise<void>;
}

/** The signed PDF with its certificate page: what the firm files and what a verification is checked against. */
export const CompletedDocumentSection = ({ completed, onDownload }: CompletedDocumentSectionProps) => {
  const { t, locale } = useTranslate();
  const [downloading, setDownloading] = useState(false);

  const download = async () => {
    setDownloading(true);
    try {
      await onDownload();
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Section
      title={t('signing.completed.title')}
      action={
        <Button variant="secondary" startIcon={<Download />} loading={downloading} onClick={download}>
          {t('signing.completed.download')}
        </Button>
      }
    >
      <DetailGrid
        details={[
          [t('signing.completed.verificationCode'), <HashValue key="code" hash={completed.verificationCode} full />],
          [
            t('signing.completed.completedAt'),
            <span key="at" title={formatDateTime(completed.completedAt, locale) ?? undefined}>
              {formatUtc(completed.completedAt)}
            </span>,
          ],
          [t('column.size'), formatFileSize(completed.size, locale) ?? t('common.none')],
        ]}
      />
      <Box paddingTop={5} tag="dl">
        <Typography variant="sigma" textColor="neutral600" tag="dt">
          {t('signing.completed.hash')}
        </Typography>
        <Typography tag="dd">
          <HashValue hash={completed.sha256} full />
        </Typography>
      </Box>
    </Section>
  );
};
