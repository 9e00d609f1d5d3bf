import { Badge, Td, Tr, Typography } from '@strapi/design-system';

import type { ClientOverview } from '../../../../../../shared/contracts/admin';
import { RecordLink } from '../../../../components/RecordLink';
import { RecordTable } from '../../../../components/RecordTable';
import { EmptyNote } from '../../../../components/Section';
import { formatDate, formatFileSize } from '../../../../utils/dates';
import { paths } from '../../../../utils/links';
import { useTranslate } from '../../../../utils/useTranslate';

export const DocumentsPanel = ({ documents }: { documents: ClientOverview['documents'] }) => {
  const { t, locale } = useTranslate();
  if (documents.length === 0) return <EmptyNote>{t('client.documents.empty')}</EmptyNote>;
  return (
    <RecordTable
      columns={[t('column.document'), t('column.folder'), t('column.visibility'), t('column.version'), t('column.size'), t('column.updated')]}
      rowCount={documents.length}
    >
      {documents.map((document) => (
        <Tr key={document.documentId}>
          <Td>
            <RecordLink to={paths.record('document', document.documentId)}>{document.title}</RecordLink>
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
            <Typography>{formatFileSize(document.size, locale) ?? t('common.none')}</Typography>
          </Td>
          <Td>
            <Typography>{formatDate(document.updatedAt, locale)}</Typography>
          </Td>
        </Tr>
      ))}
    </RecordTable>
  );
};
