import { useRef, useState } from 'react';
import { Button, Dialog, Flex, IconButton, VisuallyHidden } from '@strapi/design-system';
import { Archive, ArrowClockwise, Download, Trash, Upload } from '@strapi/icons';

import type { StaffDocument } from '../../../../../../shared/contracts/admin-documents';
import { ACCEPTED_FILES } from '../../../../utils/files';
import { useTranslate } from '../../../../utils/useTranslate';

export interface DocumentChanges {
  onNewVersion: (document: StaffDocument, file: File) => Promise<void>;
  onArchive: (document: StaffDocument, archived: boolean) => Promise<void>;
  onDelete: (document: StaffDocument) => Promise<void>;
}

interface DocumentActionsProps extends DocumentChanges {
  document: StaffDocument;
  canManage: boolean;
  downloading: boolean;
  onDownload: () => void;
}

/** A new version comes from the same file picker as an upload, for this one document. */
const NewVersionButton = ({ document, onNewVersion }: Pick<DocumentActionsProps, 'document' | 'onNewVersion'>) => {
  const { t } = useTranslate();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <IconButton label={t('documents.newVersion', { title: document.title })} disabled={busy} onClick={() => input.current?.click()}>
        <Upload />
      </IconButton>
      <VisuallyHidden>
        <input
          ref={input}
          type="file"
          tabIndex={-1}
          accept={ACCEPTED_FILES}
          aria-label={t('documents.newVersion.input', { title: document.title })}
          onChange={async (event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (!file) return;
            setBusy(true);
            try {
              await onNewVersion(document, file);
            } finally {
              setBusy(false);
            }
          }}
        />
      </VisuallyHidden>
    </>
  );
};

/** Deleting takes every version and its file for good, so it asks first and offers archiving instead. */
const DeleteButton = ({ document, onDelete }: Pick<DocumentActionsProps, 'document' | 'onDelete'>) => {
  const { t } = useTranslate();
  const [open, setOpen] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const confirm = async () => {
    setDeleting(true);
    try {
      await onDelete(document);
      setOpen(false);
    } finally {
      setDeleting(false);
    }
  };
  return (
    <Dialog.Root open={open} onOpenChange={(next) => (deleting ? undefined : setOpen(next))}>
      <Dialog.Trigger>
        <IconButton label={t('documents.delete', { title: document.title })} variant="danger-light">
          <Trash />
        </IconButton>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{t('documents.delete.title')}</Dialog.Header>
        <Dialog.Body>
          <Dialog.Description>{t('documents.delete.text', { title: document.title, count: document.versions.length })}</Dialog.Description>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary" disabled={deleting}>
              {t('common.cancel')}
            </Button>
          </Dialog.Cancel>
          <Button fullWidth variant="danger" loading={deleting} onClick={confirm}>
            {t('documents.delete.confirm')}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};

export const DocumentActions = ({ document, canManage, downloading, onDownload, onNewVersion, onArchive, onDelete }: DocumentActionsProps) => {
  const { t } = useTranslate();
  const [archiving, setArchiving] = useState(false);
  const archived = Boolean(document.archivedAt);
  const toggleArchive = async () => {
    setArchiving(true);
    try {
      await onArchive(document, !archived);
    } finally {
      setArchiving(false);
    }
  };
  return (
    <Flex gap={1} justifyContent="flex-end">
      <IconButton label={t('documents.download', { name: document.fileName ?? document.title })} disabled={downloading || document.size === null} onClick={onDownload}>
        <Download />
      </IconButton>
      {canManage ? (
        <>
          {archived ? null : <NewVersionButton document={document} onNewVersion={onNewVersion} />}
          <IconButton label={t(archived ? 'documents.restore' : 'documents.archive', { title: document.title })} disabled={archiving} onClick={toggleArchive}>
            {archived ? <ArrowClockwise /> : <Archive />}
          </IconButton>
          <DeleteButton document={document} onDelete={onDelete} />
        </>
      ) : null}
    </Flex>
  );
};
