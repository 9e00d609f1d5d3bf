import { useState } from 'react';
import { Button, Flex, Modal, Typography } from '@strapi/design-system';

import { clientiaApi, type InvitationIssued } from '../../../../api/client';
import { failureMessage } from '../../../../api/failure';
import { useTranslate } from '../../../../utils/useTranslate';
import type { ClientEditing } from '../../editing';
import type { Contact } from '../../signIn';
import { InvitationLink } from '../InvitationLink';
import { FormFailure } from './fields';

/** A new invitation link for a contact who has not accepted yet; the link sent before stops working. */
export const ResendInvitationModal = ({ contact, editing }: { contact: Contact; editing: ClientEditing }) => {
  const { t } = useTranslate();
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<InvitationIssued | null>(null);

  const change = (next: boolean) => {
    if (sending) return;
    setOpen(next);
    if (!next) {
      setFailure(null);
      setInvitation(null);
    }
  };

  const resend = async () => {
    setSending(true);
    setFailure(null);
    try {
      setInvitation(await clientiaApi.resendInvitation(editing.client.documentId, contact.membershipId));
      editing.onChanged();
    } catch (error) {
      setFailure(failureMessage(error) ?? t('contacts.resendFailed'));
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={change}>
      <Modal.Trigger>
        <Button variant="secondary" size="S" aria-label={t('contacts.resendLabel', { name: contact.name })}>
          {t('contacts.resend')}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header closeLabel={t('common.close')}>
          <Modal.Title>{t('contacts.resendTitle', { name: contact.name })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {invitation ? (
            <InvitationLink invitation={invitation} />
          ) : (
            <Flex direction="column" alignItems="stretch" gap={4}>
              <FormFailure message={failure} onClose={() => setFailure(null)} />
              <Typography tag="p">{t('contacts.resendText', { email: contact.email })}</Typography>
            </Flex>
          )}
        </Modal.Body>
        <Modal.Footer>
          {invitation ? (
            <>
              <span />
              <Button onClick={() => change(false)}>{t('invite.done')}</Button>
            </>
          ) : (
            <>
              <Button variant="tertiary" onClick={() => change(false)}>
                {t('common.cancel')}
              </Button>
              <Button loading={sending} onClick={resend}>
                {t('contacts.resendConfirm')}
              </Button>
            </>
          )}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
