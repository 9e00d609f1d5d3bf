import { useState } from 'react';
import { Box, Button, Flex, Td, Tr, Typography } from '@strapi/design-system';
import { Clock, Plus } from '@strapi/icons';

import type { ClientOverview } from '../../../../../../shared/contracts/admin';
import { RecordLink } from '../../../../components/RecordLink';
import { RecordTable } from '../../../../components/RecordTable';
import { EmptyNote } from '../../../../components/Section';
import { StateBadge } from '../../../../components/StateBadge';
import { formatDate } from '../../../../utils/dates';
import { paths } from '../../../../utils/links';
import { formatMoney } from '../../../../utils/money';
import { useTranslate } from '../../../../utils/useTranslate';
import { formatHours, hoursUsage } from '../../clientRecords';
import { useClientRecordsActions } from '../../recordsContext';
import { RetainerFormModal } from '../retainers/RetainerFormModal';
import { RetainerHours } from '../retainers/RetainerHours';
import { ToneBadge } from '../../../../components/ToneBadge';

interface RetainersPanelProps {
  retainers: ClientOverview['retainers'];
  /** Needed to create a retainer and to link one to a contract; without them the panel only lists. */
  client?: ClientOverview['client'];
  contracts?: ClientOverview['contracts'];
}

export const RetainersPanel = ({ retainers, client, contracts = [] }: RetainersPanelProps) => {
  const { t, label, locale } = useTranslate();
  const { canManageBilling, reload, notify } = useClientRecordsActions();
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const canCreate = canManageBilling && client !== undefined;

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {canCreate ? (
        <Flex justifyContent="flex-end">
          <Button startIcon={<Plus />} onClick={() => setCreating(true)}>
            {t('retainers.new')}
          </Button>
        </Flex>
      ) : null}
      {retainers.length === 0 ? (
        <EmptyNote>{t('client.retainers.empty')}</EmptyNote>
      ) : (
        <RecordTable
          columns={[t('column.retainer'), t('column.state'), t('column.amount'), t('column.nextRun'), t('column.hours'), client ? t('time.column.actions') : '']}
          rowCount={retainers.length}
        >
          {retainers.map((retainer) => {
            const usage = hoursUsage(retainer.hoursThisPeriod, retainer.includedHours);
            const isShown = shown === retainer.documentId;
            return (
              <Tr key={retainer.documentId}>
                <Td>
                  <RecordLink to={paths.record('retainer', retainer.documentId)}>{retainer.title}</RecordLink>
                </Td>
                <Td>
                  <StateBadge state={retainer.state} />
                </Td>
                <Td>
                  <Typography>
                    {t('home.retainers.amount', {
                      amount: formatMoney(retainer.amount, locale),
                      interval: label('interval', retainer.interval),
                    })}
                  </Typography>
                </Td>
                <Td>
                  <Typography>{formatDate(retainer.nextRunDate, locale) ?? t('common.none')}</Typography>
                </Td>
                <Td>
                  <Typography>
                    {retainer.includedHours === null
                      ? t('client.retainers.hoursUsed', { used: formatHours(retainer.hoursThisPeriod, locale) })
                      : t('client.retainers.hoursOfIncluded', {
                          used: formatHours(retainer.hoursThisPeriod, locale),
                          included: formatHours(retainer.includedHours, locale),
                        })}
                  </Typography>{' '}
                  {usage.over > 0 ? (
                    <ToneBadge tone="danger">{t('client.retainers.over', { hours: formatHours(usage.over, locale) })}</ToneBadge>
                  ) : null}
                </Td>
                <Td>
                  {client ? (
                    <Button
                      variant={isShown ? 'secondary' : 'tertiary'}
                      startIcon={<Clock />}
                      aria-label={t(isShown ? 'time.hideFor' : 'time.showFor', { retainer: retainer.title })}
                      aria-expanded={isShown}
                      aria-controls={isShown ? `retainer-hours-${retainer.documentId}` : undefined}
                      onClick={() => setShown(isShown ? null : retainer.documentId)}
                    >
                      {t(isShown ? 'time.hide' : 'time.show')}
                    </Button>
                  ) : null}
                </Td>
              </Tr>
            );
          })}
        </RecordTable>
      )}
      {shown && client ? (
        <Box id={`retainer-hours-${shown}`}>
          <RetainerHours key={shown} documentId={shown} client={client} contracts={contracts} canManage={canManageBilling} onChanged={reload} />
        </Box>
      ) : null}
      {creating && client ? (
        <RetainerFormModal
          onClose={() => setCreating(false)}
          client={client}
          contracts={contracts}
          onSaved={(created) => {
            notify('success', t('retainers.created', { retainer: created.title }));
            setShown(created.documentId);
            reload();
          }}
        />
      ) : null}
    </Flex>
  );
};
