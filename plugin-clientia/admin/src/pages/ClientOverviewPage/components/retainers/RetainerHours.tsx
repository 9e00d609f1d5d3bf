import { useState } from 'react';
import { Alert, Box, Button, Dialog, Flex, Loader, Typography } from '@strapi/design-system';
import { ArrowLeft, ArrowRight, Pencil, Plus, Trash } from '@strapi/icons';

import type { AdminRetainer, TimeEntry } from '../../../../../../shared/contracts/admin-billing';
import type { ClientOverview } from '../../../../../../shared/contracts/admin';
import { failureMessage } from '../../../../api/failure';
import { Meter } from '../../../../components/Meter';
import { Section } from '../../../../components/Section';
import { useRemoteData } from '../../../../hooks/useRemoteData';
import { formatDate } from '../../../../utils/dates';
import { formatMoney } from '../../../../utils/money';
import { useTranslate } from '../../../../utils/useTranslate';
import { formatHours, hoursUsage } from '../../clientRecords';
import { clientiaApi } from '../../../../api/client';
import { useClientRecordsActions } from '../../recordsContext';
import { BurnDown } from './BurnDown';
import { RetainerFormModal } from './RetainerFormModal';
import { TimeEntriesTable } from './TimeEntriesTable';
import { TimeEntryFormModal } from './TimeEntryFormModal';

interface RetainerHoursProps {
  documentId: string;
  client: ClientOverview['client'];
  contracts: ClientOverview['contracts'];
  canManage: boolean;
  /** Something the overview shows changed (hours this period, the retainer itself). */
  onChanged: () => void;
}

const todayUtc = () => new Date().toISOString().slice(0, 10);

type Editing = { kind: 'log' } | { kind: 'entry'; entry: TimeEntry } | { kind: 'retainer'; retainer: AdminRetainer } | null;

/** One retainer's hours, period by period: the burn-down, the entries, and logging or correcting them. */
export const RetainerHours = ({ documentId, client, contracts, canManage, onChanged }: RetainerHoursProps) => {
  const { t, label, locale } = useTranslate();
  const { notify } = useClientRecordsActions();
  const [on, setOn] = useState<string | undefined>(undefined);
  const { state, reload } = useRemoteData(`retainer-time:${documentId}:${on ?? ''}`, () => clientiaApi.getRetainerTime(documentId, on));
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<TimeEntry | null>(null);
  const [busy, setBusy] = useState(false);

  const view = state.data;
  if (!view) {
    return (
      <Box paddingTop={6}>
        {state.status === 'error' ? (
          <Alert variant="danger" closeLabel={t('common.close')} title={t('time.loadFailedTitle')} onClose={reload}>
            {failureMessage((state as { error?: unknown }).error) ?? t('time.loadFailed')}
          </Alert>
        ) : (
          <Loader small>{t('time.loading')}</Loader>
        )}
      </Box>
    );
  }

  const { retainer, period, usage } = view;
  const changed = () => {
    reload();
    onChanged();
  };
  const periodLabel = t('time.period.range', { start: formatDate(period.start, locale) ?? period.start, end: formatDate(period.end, locale) ?? period.end });
  const meter = hoursUsage(usage.billableHours, usage.includedHours);

  const remove = async () => {
    if (!deleting) return;
    setBusy(true);
    try {
      await clientiaApi.deleteTimeEntry(deleting.documentId);
      notify('success', t('time.entries.deleted'));
      setDeleting(null);
      changed();
    } catch (error) {
      setDeleting(null);
      notify('danger', failureMessage(error) ?? t('time.entries.deleteFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section
      title={t('time.title', { retainer: retainer.title })}
      action={
        canManage ? (
          <Flex gap={2}>
            <Button variant="secondary" startIcon={<Pencil />} onClick={() => setEditing({ kind: 'retainer', retainer })}>
              {t('retainers.edit')}
            </Button>
            <Button startIcon={<Plus />} onClick={() => setEditing({ kind: 'log' })}>
              {t('time.log')}
            </Button>
          </Flex>
        ) : undefined
      }
    >
      <Flex direction="column" alignItems="stretch" gap={5}>
        <Flex justifyContent="space-between" alignItems="center" gap={2} wrap="wrap">
          <Button variant="tertiary" startIcon={<ArrowLeft />} disabled={!period.previous} onClick={() => setOn(period.previous ?? undefined)}>
            {t('time.period.previous')}
          </Button>
          <Typography tag="h3" variant="delta" aria-live="polite">
            {period.current ? t('time.period.current', { period: periodLabel }) : periodLabel}
          </Typography>
          <Button variant="tertiary" endIcon={<ArrowRight />} disabled={!period.next} onClick={() => setOn(period.next ?? undefined)}>
            {t('time.period.next')}
          </Button>
        </Flex>

        <Flex direction="column" alignItems="stretch" gap={2}>
          <Typography tag="p" fontWeight="semiBold">
            {usage.includedHours === null
              ? t('time.usage.used', { used: formatHours(usage.billableHours, locale) })
              : t('time.usage.ofIncluded', { used: formatHours(usage.billableHours, locale), included: formatHours(usage.includedHours, locale) })}
            {usage.over ? ` · ${t('time.over', { hours: formatHours(usage.over, locale) })}` : ''}
            {usage.remaining ? ` · ${t('time.usage.left', { hours: formatHours(usage.remaining, locale) })}` : ''}
            {usage.nonBillableHours ? ` · ${t('time.usage.nonBillable', { hours: formatHours(usage.nonBillableHours, locale) })}` : ''}
          </Typography>
          {meter.percent !== null ? (
            <Meter value={meter.percent} tone={meter.over > 0 ? 'danger' : 'primary'} label={t('time.usage.meter', { percent: meter.percent })} width="100%" />
          ) : null}
          <Typography variant="pi" textColor="neutral600">
            {[
              t('home.retainers.amount', { amount: formatMoney(retainer.amount, locale), interval: label('interval', retainer.interval) }),
              retainer.hourlyRate ? t('retainers.overtimeRate', { rate: formatMoney(retainer.hourlyRate, locale) }) : t('retainers.noOvertime'),
            ].join(' · ')}
          </Typography>
        </Flex>

        <Box>
          <Typography tag="h4" variant="sigma" textColor="neutral600">
            {t(`time.burnDown.title.${view.burnDown.step}`)}
          </Typography>
          <Box paddingTop={3}>
            <BurnDown burnDown={view.burnDown} includedHours={usage.includedHours} />
          </Box>
        </Box>

        <Box>
          <Typography tag="h4" variant="sigma" textColor="neutral600">
            {t('time.entries.title')}
          </Typography>
          {view.billedBefore ? (
            <Typography tag="p" variant="pi" textColor="neutral600">
              {t('time.entries.billedBefore', { date: formatDate(view.billedBefore, locale) ?? view.billedBefore })}
            </Typography>
          ) : null}
          <Box paddingTop={3}>
            <TimeEntriesTable
              entries={view.entries}
              canManage={canManage}
              onEdit={(entry) => setEditing({ kind: 'entry', entry })}
              onDelete={(entry) => setDeleting(entry)}
            />
          </Box>
        </Box>
      </Flex>

      {editing?.kind === 'log' || editing?.kind === 'entry' ? (
        <TimeEntryFormModal
          onClose={() => setEditing(null)}
          retainer={retainer}
          staff={view.staff}
          me={view.me}
          today={period.current ? todayUtc() : period.start}
          entry={editing.kind === 'entry' ? editing.entry : null}
          onSaved={() => {
            notify('success', t(editing.kind === 'entry' ? 'time.entries.saved' : 'time.entries.logged'));
            changed();
          }}
        />
      ) : null}
      {editing?.kind === 'retainer' ? (
        <RetainerFormModal
          onClose={() => setEditing(null)}
          client={client}
          contracts={contracts}
          retainer={editing.retainer}
          onSaved={() => {
            notify('success', t('retainers.saved'));
            changed();
          }}
        />
      ) : null}

      <Dialog.Root open={deleting !== null} onOpenChange={(open) => (open ? undefined : setDeleting(null))}>
        <Dialog.Content>
          <Dialog.Header>{t('time.entries.deleteTitle')}</Dialog.Header>
          <Dialog.Body>
            <Dialog.Description>
              {deleting
                ? t('time.entries.deleteText', {
                    hours: formatHours(deleting.hours, locale),
                    date: formatDate(deleting.date, locale) ?? deleting.date,
                  })
                : null}
            </Dialog.Description>
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button fullWidth variant="tertiary" disabled={busy}>
                {t('common.cancel')}
              </Button>
            </Dialog.Cancel>
            <Button fullWidth variant="danger-light" startIcon={<Trash />} loading={busy} onClick={remove}>
              {t('time.entries.deleteConfirm')}
            </Button>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
    </Section>
  );
};
