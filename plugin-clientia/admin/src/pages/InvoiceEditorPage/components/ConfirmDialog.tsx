import { useState, type ReactElement } from 'react';
import { Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';

import { useTranslate } from '../../../utils/useTranslate';

interface ConfirmDialogProps {
  /** The button that opens the dialog. */
  trigger: ReactElement;
  title: string;
  text: string;
  /** A second paragraph, e.g. that unsaved changes are saved first. */
  note?: string | null;
  confirm: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
}

/** Asks before a step that cannot be taken back (issuing, voiding); stays open while it runs. */
export const ConfirmDialog = ({ trigger, title, text, note, confirm, danger = false, onConfirm }: ConfirmDialogProps) => {
  const { t } = useTranslate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={(next) => (busy ? undefined : setOpen(next))}>
      <Dialog.Trigger>{trigger}</Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{title}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill={danger ? 'danger600' : 'warning600'} />}>
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Dialog.Description>{text}</Dialog.Description>
            {note ? <Typography tag="p">{note}</Typography> : null}
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary" disabled={busy}>
              {t('common.cancel')}
            </Button>
          </Dialog.Cancel>
          <Button fullWidth variant={danger ? 'danger' : 'default'} loading={busy} onClick={run}>
            {confirm}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
