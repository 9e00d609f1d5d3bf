import { useEffect, useState, type FormEvent } from 'react';
import { Box, Button, Flex, Grid, Loader, Modal, Typography } from '@strapi/design-system';

import { assignSeatRequest, type StaffLicence } from '../../../../../../shared/contracts/admin-records';
import { clientiaApi } from '../../../../api/client';
import { failureMessage } from '../../../../api/failure';
import { formatDate } from '../../../../utils/dates';
import { useTranslate } from '../../../../utils/useTranslate';
import type { ClientEditing } from '../../editing';
import { useRecordForm } from '../../hooks/useRecordForm';
import { FormFailure, SelectField, TextField } from './fields';

/** The person choice that opens fields for someone who is not a contact of the client. */
const SOMEONE_ELSE = 'someone-else';

const EMPTY = { person: '', assigneeName: '', assigneeEmail: '' };

interface SeatsModalProps {
  licence: { documentId: string; product: string };
  editing: ClientEditing;
}

/** Who holds the seats of a licence: give a vacant seat to a contact (or someone else), free a seat. */
export const SeatsModal = ({ licence, editing }: SeatsModalProps) => {
  const { t, locale } = useTranslate();
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<StaffLicence | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [freeing, setFreeing] = useState<string | null>(null);
  const form = useRecordForm(EMPTY, { assigneeEmail: 'licences.error.email' });
  const { draft, edit, reset } = form;
  const clientId = editing.client.documentId;

  useEffect(() => {
    if (!open) return;
    let current = true;
    setLoaded(null);
    setFailure(null);
    reset(EMPTY);
    clientiaApi.getLicence(clientId, licence.documentId).then(
      (answer) => current && setLoaded(answer),
      (error: unknown) => current && setFailure(failureMessage(error) ?? t('licences.loadFailed'))
    );
    return () => {
      current = false;
    };
  }, [open, clientId, licence.documentId, reset, t]);

  const changed = (answer: StaffLicence) => {
    setLoaded(answer);
    editing.onChanged();
  };

  const holders = new Set((loaded?.seats ?? []).map((seat) => seat.assigneeEmail?.toLowerCase()).filter(Boolean));
  const candidates = editing.contacts.filter((contact) => contact.deactivatedAt === null && !holders.has(contact.email.toLowerCase()));
  const chosen = candidates.find((contact) => contact.membershipId === draft.person);
  const someoneElse = draft.person === SOMEONE_ELSE;

  const assign = async (event: FormEvent) => {
    event.preventDefault();
    const input = chosen
      ? { assigneeName: chosen.name, assigneeEmail: chosen.email }
      : { assigneeName: someoneElse ? draft.assigneeName : '', assigneeEmail: someoneElse ? draft.assigneeEmail : '' };
    const saved = await form.submit({
      schema: assignSeatRequest,
      input,
      failed: 'licences.seats.failed',
      save: async (request) => changed(await clientiaApi.assignSeat(clientId, licence.documentId, request)),
    });
    if (saved) reset(EMPTY);
  };

  const free = async (seatId: string) => {
    setFreeing(seatId);
    setFailure(null);
    try {
      changed(await clientiaApi.freeSeat(clientId, licence.documentId, seatId));
    } catch (error) {
      setFailure(failureMessage(error) ?? t('licences.seats.failed'));
    } finally {
      setFreeing(null);
    }
  };

  const title = t('licences.seatsTitle', { product: licence.product });
  // Picking a contact, what the server says about the address belongs to the choice itself.
  const personError = someoneElse ? undefined : (form.errorOf('assigneeEmail') ?? form.errorOf('assigneeName'));

  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button variant="tertiary" size="S" aria-label={t('licences.seatsLabel', { product: licence.product })}>
          {t('licences.seats')}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header closeLabel={t('common.close')}>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <FormFailure message={failure} onClose={() => setFailure(null)} />
            {!loaded ? (
              failure ? null : <Loader small>{t('licences.loading')}</Loader>
            ) : (
              <>
                <Typography>{t('licences.seats.usage', { assigned: loaded.assigned, purchased: loaded.seatsPurchased })}</Typography>
                <Box tag="ul" aria-label={title}>
                  {loaded.seats.map((seat) => (
                    <Flex tag="li" key={seat.documentId} justifyContent="space-between" gap={2} paddingTop={2} paddingBottom={2}>
                      {seat.assigneeEmail ? (
                        <>
                          <Flex gap={2} wrap="wrap">
                            <Typography fontWeight="semiBold">{seat.assigneeName}</Typography>
                            <Typography textColor="neutral600">{seat.assigneeEmail}</Typography>
                            {seat.assignedAt ? (
                              <Typography variant="pi" textColor="neutral600">
                                {t('licences.seats.since', { date: formatDate(seat.assignedAt, locale) ?? '' })}
                              </Typography>
                            ) : null}
                          </Flex>
                          <Button
                            variant="danger-light"
                            size="S"
                            loading={freeing === seat.documentId}
                            onClick={() => free(seat.documentId)}
                            aria-label={t('licences.seats.freeLabel', { name: seat.assigneeName ?? seat.assigneeEmail })}
                          >
                            {t('licences.seats.free')}
                          </Button>
                        </>
                      ) : (
                        <Typography textColor="neutral500">{t('client.licences.vacant')}</Typography>
                      )}
                    </Flex>
                  ))}
                </Box>
                <Box tag="form" noValidate onSubmit={assign} aria-label={t('licences.seats.assignTitle')} background="neutral100" hasRadius padding={4}>
                  <Flex direction="column" alignItems="stretch" gap={3}>
                    <FormFailure message={form.failure} onClose={form.clearFailure} />
                    <SelectField
                      name="person"
                      label={t('licences.seats.person')}
                      required
                      placeholder={t('licences.seats.personPlaceholder')}
                      value={draft.person}
                      onChange={(v) => edit('person', v)}
                      options={[
                        ...candidates.map((contact) => ({ value: contact.membershipId, label: `${contact.name} · ${contact.email}` })),
                        { value: SOMEONE_ELSE, label: t('licences.seats.someoneElse') },
                      ]}
                      error={personError}
                    />
                    {someoneElse ? (
                      <Grid.Root gap={3}>
                        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                          <TextField
                            name="assigneeName"
                            label={t('licences.seats.name')}
                            required
                            value={draft.assigneeName}
                            onChange={(v) => edit('assigneeName', v)}
                            error={form.errorOf('assigneeName')}
                          />
                        </Grid.Item>
                        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                          <TextField
                            name="assigneeEmail"
                            type="email"
                            label={t('licences.seats.email')}
                            required
                            value={draft.assigneeEmail}
                            onChange={(v) => edit('assigneeEmail', v)}
                            error={form.errorOf('assigneeEmail')}
                          />
                        </Grid.Item>
                      </Grid.Root>
                    ) : null}
                    <Flex justifyContent="flex-end">
                      <Button type="submit" variant="secondary" loading={form.saving}>
                        {t('licences.seats.assign')}
                      </Button>
                    </Flex>
                  </Flex>
                </Box>
              </>
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <span />
          <Button onClick={() => setOpen(false)}>{t('invite.done')}</Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
