import { useState } from 'react';
import { Box, Button, Flex, IconButton, Modal, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';

import type { DocumentVersion, StaffDocument } from '../../../../../../shared/contracts/admin-documents';
import { formatDateTime, formatFileSize } from '../../../../utils/dates';
import { useTranslate } from '../../../../utils/useTranslate';
import { uploaderLabel } from './uploader';

interface DocumentVersionsProps {
  document: StaffDocument;
  onDownload: (version: DocumentVersion) => void;
}

/** Every version of a document, newest first, each downloadable on its own. */
export const DocumentVersions = ({ document, onDownload }: DocumentVersionsProps) => {
  const { t, locale } = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button variant="ghost" size="S" aria-label={t('documents.versions.open', { title: document.title })}>
          {t('documents.versions', { count: document.versions.length })}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header closeLabel={t('common.close')}>
          <Modal.Title>{t('documents.versions.open', { title: document.title })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Box tag="ol">
            {document.versions.map((version) => {
              const name = version.fileName ?? document.title;
              return (
                <Flex tag="li" key={version.documentId} gap={3} paddingTop={2} paddingBottom={2} justifyContent="space-between">
                  <Flex direction="column" alignItems="flex-start" gap={1}>
                    <Typography fontWeight="bold">{t('documents.versions.entry', { version: version.version })}</Typography>
                    <Typography variant="pi" textColor="neutral600">
                      {[name, formatFileSize(version.size, locale), uploaderLabel(t, version.uploadedBy), formatDateTime(version.createdAt, locale)]
                        .filter(Boolean)
                        .join(' · ')}
                    </Typography>
                  </Flex>
                  <IconButton label={t('documents.download', { name: `${name} (${t('documents.versions.entry', { version: version.version })})` })} onClick={() => onDownload(version)}>
                    <Download />
                  </IconButton>
                </Flex>
              );
            })}
          </Box>
        </Modal.Body>
        <Modal.Footer>
          <span />
          <Modal.Close>
            <Button variant="tertiary">{t('common.close')}</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
