import { useState, type ChangeEvent } from 'react';
import { Alert, Button, Dialog, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { CrossCircle } from '@strapi/icons';

import { failureMessage } from '../../../api/failure';
import { Section } from '../../../components/Section';
import { useTranslate } from '../../../utils/useTranslate';

interface CancelSigningProps {
  contractLabel: string;
  onCancel: (reason: string | null) => Promise<void>;
}

/** Withdraws a contract that is out for signature: nobody can sign it any more, and the trail says who cancelled it and why. */
export const CancelSigning = ({ contractLabel, onCancel }: CancelSigningProps) => {
  const { t } = useTranslate();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [cancelling, setCancelling] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const cancel = async () => {
    setCancelling(true);
    setFailure(null);
    try {
      await onCancel(reason.trim() || null);
      setOpen(false);
      setReason('');
    } catch (error) {
      setFailure(failureMessage(error) ?? t('contractEditor.cancel.failed'));
    } finally {
      setCancelling(false);
    }
  };

  return (
    <Section
      title={t('contractEditor.cancel.title')}
      action={
        <Button variant="danger-light" startIcon={<CrossCircle />} onClick={() => setOpen(true)}>
          {t('contractEditor.cancel.button')}
        </Button>
      }
    >
      <Typography tag="p" textColor="neutral700">
        {t('contractEditor.cancel.intro')}
      </Typography>
      <Dialog.Root open={open} onOpenChange={(next) => (next ? undefined : setOpen(false))}>
        <Dialog.Content>
          <Dialog.Header>{t('contractEditor.cancel.confirmTitle')}</Dialog.Header>
          <Dialog.Body>
            <Flex direction="column" alignItems="stretch" gap={4} width="100%">
              <Dialog.Description>{t('contractEditor.cancel.confirmText', { contract: contractLabel })}</Dialog.Description>
              {failure ? (
                <Alert variant="danger" closeLabel={t('common.close')} onClose={() => setFailure(null)} title={t('contractEditor.cancel.failedTitle')}>
                  {failure}
                </Alert>
              ) : null}
              <Field.Root name="reason" hint={t('contractEditor.cancel.reasonHint')}>
                <Field.Label>{t('contractEditor.cancel.reason')}</Field.Label>
                <Textarea value={reason} onChange={(event: ChangeEvent<HTMLTextAreaElement>) => setReason(event.target.value)} />
                <Field.Hint />
              </Field.Root>
            </Flex>
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button fullWidth variant="tertiary" disabled={cancelling}>
                {t('contractEditor.cancel.keep')}
              </Button>
            </Dialog.Cancel>
            <Button fullWidth variant="danger" startIcon={<CrossCircle />} loading={cancelling} onClick={cancel}>
              {t('contractEditor.cancel.confirm')}
            </Button>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
    </Section>
  );
};
