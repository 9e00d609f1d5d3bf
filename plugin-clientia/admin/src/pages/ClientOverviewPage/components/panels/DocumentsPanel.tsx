import { useState } from 'react';
import { Badge, Box, Checkbox, Flex, Loader, Td, Tr, Typography } from '@strapi/design-system';

import type { ClientOverview } from '../../../../../../shared/contracts/admin';
import type { DocumentVersion, StaffDocument } from '../../../../../../shared/contracts/admin-documents';
import { failureMessage } from '../../../../api/failure';
import { RecordTable } from '../../../../components/RecordTable';
import { EmptyNote } from '../../../../components/Section';
import { useFileDownload } from '../../../../hooks/useFileDownload';
import { formatDate, formatFileSize } from '../../../../utils/dates';
import { useTranslate } from '../../../../utils/useTranslate';
import { listedDocuments } from '../../documentUpload';
import type { DocumentControls } from '../../recordControls';
import { DocumentActions } from '../documents/DocumentActions';
import { DocumentUploadForm } from '../documents/DocumentUploadForm';
import { DocumentVersions } from '../documents/DocumentVersions';
import { uploaderLabel } from '../documents/uploader';

interface DocumentsPanelProps {
  /** The overview's short list, shown when the page gives no controls (a read-only view). */
  documents: ClientOverview['documents'];
  controls?: DocumentControls;
}

type Outcome = { tone: 'done' | 'failed'; text: string };

/**
 * The client's documents as the firm handles them: upload, new versions, download (the client's
 * own uploads too), archive and delete. Every file goes through the admin API, with the staff
 * member's token, to and from the plugin's private storage.
 */
export const DocumentsPanel = ({ documents, controls }: DocumentsPanelProps) =>
  controls ? <ManagedDocuments controls={controls} /> : <DocumentSummary documents={documents} />;

/** The overview's documents without their files: what a view without controls can show. */
const DocumentSummary = ({ documents }: { documents: ClientOverview['documents'] }) => {
  const { t, locale } = useTranslate();
  if (documents.length === 0) return <EmptyNote>{t('client.documents.empty')}</EmptyNote>;
  return (
    <RecordTable columns={[t('column.document'), t('column.folder'), t('column.visibility'), t('column.version'), t('column.updated')]} rowCount={documents.length}>
      {documents.map((document) => (
        <Tr key={document.documentId}>
          <Td>
            <Typography>{document.title}</Typography>
          </Td>
          <Td>
            <Typography>{document.folder || t('client.documents.noFolder')}</Typography>
          </Td>
          <Td>
            <Badge variant={document.visibility === 'shared' ? 'success' : 'neutral'}>
              {t(document.visibility === 'shared' ? 'client.documents.shared' : 'client.documents.internal')}
            </Badge>
          </Td>
          <Td>
            <Typography>{t('client.documents.version', { version: document.version })}</Typography>
          </Td>
          <Td>
            <Typography>{formatDate(document.updatedAt, locale)}</Typography>
          </Td>
        </Tr>
      ))}
    </RecordTable>
  );
};

const ManagedDocuments = ({ controls }: { controls: DocumentControls }) => {
  const { t, locale } = useTranslate();
  const { canManage } = controls;
  const files = useFileDownload();
  const [showArchived, setShowArchived] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const download = (version: DocumentVersion, title: string) => {
    const name = version.fileName ?? title;
    void files.download(version.documentId, () => controls.download(version.documentId), name);
  };

  const done = (text: string) => setOutcome({ tone: 'done', text });
  const failed = (text: string) => setOutcome({ tone: 'failed', text });

  const changes = {
    async onNewVersion(document: StaffDocument, file: File) {
      try {
        const updated = await controls.addVersion(document, file);
        done(t('documents.newVersion.done', { version: updated.version, title: updated.title }));
      } catch (error) {
        failed(t('documents.newVersion.failed', { title: document.title, reason: failureMessage(error) ?? '' }));
      }
    },
    async onArchive(document: StaffDocument, archived: boolean) {
      try {
        await controls.setArchived(document, archived);
        done(t(archived ? 'documents.archive.done' : 'documents.restore.done', { title: document.title }));
      } catch {
        failed(t('documents.archive.failed', { title: document.title }));
      }
    },
    async onDelete(document: StaffDocument) {
      try {
        await controls.remove(document);
        done(t('documents.delete.done', { title: document.title }));
      } catch {
        failed(t('documents.delete.failed', { title: document.title }));
      }
    },
  };

  const { list: state } = controls;
  const list = state.data;
  const failedDownload = files.failure && list ? findVersion(list.data, files.failure.key) : null;
  const archivedCount = list ? list.data.filter((document) => document.archivedAt).length : 0;
  const shown = list ? listedDocuments(list.data, showArchived) : [];

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {canManage ? (
        <DocumentUploadForm
          folders={list?.meta.folders ?? []}
          onUpload={controls.upload}
          onUploaded={controls.refresh}
        />
      ) : (
        <Typography textColor="neutral600">{t('documents.readOnly')}</Typography>
      )}
      <Box aria-live="polite">
        {outcome ? (
          <Typography role={outcome.tone === 'failed' ? 'alert' : 'status'} textColor={outcome.tone === 'failed' ? 'danger600' : 'success600'}>
            {outcome.text}
          </Typography>
        ) : null}
        {failedDownload ? (
          <Typography role="alert" textColor="danger600">
            {t(files.failure?.missing ? 'documents.download.missing' : 'documents.download.failed', { name: failedDownload })}
          </Typography>
        ) : null}
      </Box>
      {!list ? (
        state.status === 'error' ? <EmptyNote>{t('documents.error')}</EmptyNote> : <Loader small>{t('documents.loading')}</Loader>
      ) : list.data.length === 0 ? (
        <EmptyNote>{t('client.documents.empty')}</EmptyNote>
      ) : (
        <>
          {archivedCount > 0 ? (
            <Checkbox checked={showArchived} onCheckedChange={(checked) => setShowArchived(checked === true)}>
              {t('documents.showArchived', { count: archivedCount })}
            </Checkbox>
          ) : null}
          <RecordTable
            columns={[t('column.document'), t('column.folder'), t('column.version'), t('documents.column.uploaded'), t('documents.column.actions')]}
            rowCount={shown.length}
          >
            {shown.map((document) => (
              <Tr key={document.documentId}>
                <Td>
                  <Flex direction="column" alignItems="flex-start" gap={1}>
                    <Flex gap={2} wrap="wrap">
                      <Typography fontWeight="bold">{document.title}</Typography>
                      <Badge variant={document.visibility === 'shared' ? 'success' : 'neutral'}>
                        {t(document.visibility === 'shared' ? 'client.documents.shared' : 'client.documents.internal')}
                      </Badge>
                      {document.archivedAt ? <Badge>{t('documents.archived')}</Badge> : null}
                    </Flex>
                    <Typography variant="pi" textColor="neutral600">
                      {[document.fileName, formatFileSize(document.size, locale)].filter(Boolean).join(' · ') || t('common.none')}
                    </Typography>
                  </Flex>
                </Td>
                <Td>
                  <Typography>{document.folder}</Typography>
                </Td>
                <Td>
                  <Flex direction="column" alignItems="flex-start">
                    <Typography>{t('client.documents.version', { version: document.version })}</Typography>
                    {document.versions.length > 1 ? (
                      <DocumentVersions document={document} onDownload={(version) => download(version, document.title)} />
                    ) : null}
                  </Flex>
                </Td>
                <Td>
                  <Flex direction="column" alignItems="flex-start" gap={1}>
                    <Typography>{uploaderLabel(t, document.uploadedBy) ?? t('common.none')}</Typography>
                    <Typography variant="pi" textColor="neutral600">
                      {formatDate(document.updatedAt, locale)}
                    </Typography>
                  </Flex>
                </Td>
                <Td>
                  <DocumentActions
                    document={document}
                    canManage={canManage}
                    downloading={files.pending === document.documentId}
                    onDownload={() => download(document, document.title)}
                    {...changes}
                  />
                </Td>
              </Tr>
            ))}
          </RecordTable>
        </>
      )}
    </Flex>
  );
};

/** The name of the version a download was for, to say which one failed. */
const findVersion = (documents: StaffDocument[], documentId: string) => {
  for (const document of documents) {
    const version = document.versions.find((entry) => entry.documentId === documentId);
    if (version) return version.fileName ?? document.title;
  }
  return null;
};
