import { useState } from 'react';
import { Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';

import { useTranslate } from '../../../utils/useTranslate';
import type { Contact } from '../signIn';

interface ResetTwoFactorDialogProps {
  contact: Contact;
  /** Two-factor stays required for the contact (the portal or this client requires it). */
  required: boolean;
  onReset: (contact: Contact) => Promise<void>;
}

/** A reset lets the password alone in until a new app is set up, so it asks first. */
export const ResetTwoFactorDialog = ({ contact, required, onReset }: ResetTwoFactorDialogProps) => {
  const { t } = useTranslate();
  const [open, setOpen] = useState(false);
  const [resetting, setResetting] = useState(false);

  const reset = async () => {
    setResetting(true);
    try {
      await onReset(contact);
      setOpen(false);
    } finally {
      setResetting(false);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={(next) => (resetting ? undefined : setOpen(next))}>
      <Dialog.Trigger>
        <Button variant="danger-light" size="S" aria-label={t('client.contacts.resetTwoFactor.label', { name: contact.name })}>
          {t('client.contacts.resetTwoFactor')}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{t('resetTwoFactor.title', { name: contact.name })}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill="danger600" />}>
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Dialog.Description>{t('resetTwoFactor.text', { name: contact.name, email: contact.email })}</Dialog.Description>
            <Typography tag="p">{t(required ? 'resetTwoFactor.required' : 'resetTwoFactor.notRequired')}</Typography>
            <Typography tag="p" textColor="danger600">
              {t('resetTwoFactor.verify', { name: contact.name })}
            </Typography>
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary" disabled={resetting}>
              {t('common.cancel')}
            </Button>
          </Dialog.Cancel>
          <Button fullWidth variant="danger" loading={resetting} onClick={reset}>
            {t('resetTwoFactor.confirm')}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
