import { Badge, Flex, IconButton, Td, Tr, Typography } from '@strapi/design-system';
import { Pencil, Trash } from '@strapi/icons';

import type { TimeEntry } from '../../../../../../shared/contracts/admin-billing';
import { RecordTable } from '../../../../components/RecordTable';
import { EmptyNote } from '../../../../components/Section';
import { formatDate } from '../../../../utils/dates';
import { useTranslate } from '../../../../utils/useTranslate';
import { formatHours } from '../../clientRecords';

interface TimeEntriesTableProps {
  entries: TimeEntry[];
  /** Edit and delete are offered only with the permission to manage billing. */
  canManage: boolean;
  onEdit: (entry: TimeEntry) => void;
  onDelete: (entry: TimeEntry) => void;
}

/** The entries of one period, newest first; a billed one says so instead of offering changes. */
export const TimeEntriesTable = ({ entries, canManage, onEdit, onDelete }: TimeEntriesTableProps) => {
  const { t, locale } = useTranslate();
  if (entries.length === 0) return <EmptyNote>{t('time.entries.empty')}</EmptyNote>;
  return (
    <RecordTable
      columns={[t('column.date'), t('time.column.staff'), t('time.column.hours'), t('time.column.description'), t('time.column.billable'), canManage ? t('time.column.actions') : '']}
      rowCount={entries.length}
    >
      {entries.map((entry) => {
        const when = formatDate(entry.date, locale) ?? entry.date;
        return (
          <Tr key={entry.documentId} data-billed={entry.billed || undefined}>
            <Td>
              <Typography>{when}</Typography>
            </Td>
            <Td>
              <Typography>{entry.staff?.name ?? t('common.none')}</Typography>
            </Td>
            <Td>
              <Typography>{t('time.hours', { hours: formatHours(entry.hours, locale) })}</Typography>
            </Td>
            <Td>
              <Typography style={{ whiteSpace: 'pre-line' }}>{entry.description ?? t('common.none')}</Typography>
            </Td>
            <Td>
              <Typography>{entry.billable ? t('time.billable.yes') : t('time.billable.no')}</Typography>
            </Td>
            <Td>
              {entry.billed ? (
                <Badge>{t('time.entries.billed')}</Badge>
              ) : canManage ? (
                <Flex gap={1}>
                  <IconButton label={t('time.entries.edit', { date: when })} variant="ghost" onClick={() => onEdit(entry)}>
                    <Pencil />
                  </IconButton>
                  <IconButton label={t('time.entries.delete', { date: when })} variant="ghost" onClick={() => onDelete(entry)}>
                    <Trash />
                  </IconButton>
                </Flex>
              ) : null}
            </Td>
          </Tr>
        );
      })}
    </RecordTable>
  );
};
