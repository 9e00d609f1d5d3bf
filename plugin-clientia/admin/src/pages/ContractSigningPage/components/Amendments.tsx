import { useState, type ChangeEvent } from 'react';
import { Alert, Box, Button, Dialog, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { Duplicate } from '@strapi/icons';

import type { AdminSigningView } from '../../../../../shared/contracts/signing';
import { failureMessage } from '../../../api/failure';
import { RecordLink } from '../../../components/RecordLink';
import { Section } from '../../../components/Section';
import { StateBadge } from '../../../components/StateBadge';
import { paths } from '../../../utils/links';
import { useTranslate } from '../../../utils/useTranslate';

interface AmendmentsProps {
  contract: AdminSigningView['contract'];
  amendments: AdminSigningView['amendments'];
  /** Given when the contract is signed and staff may amend it; the title is the new draft's. */
  onAmend?: (title: string) => Promise<void>;
}

/**
 * The contracts that amend this one, and for a signed contract the way to change it: a new draft
 * that names it. The signed contract itself stays exactly as it was signed.
 */
export const Amendments = ({ contract, amendments, onAmend }: AmendmentsProps) => {
  const { t } = useTranslate();
  const suggested = t('contractEditor.amend.defaultTitle', { title: contract.title });
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(suggested);
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [amending, setAmending] = useState(false);

  if (amendments.length === 0 && !onAmend) return null;

  const amend = async () => {
    if (!onAmend) return;
    if (!title.trim()) {
      setProblem(t('contractEditor.error.required'));
      return;
    }
    setAmending(true);
    setFailure(null);
    try {
      await onAmend(title.trim());
      setOpen(false);
    } catch (error) {
      setFailure(failureMessage(error) ?? t('contractEditor.amend.failed'));
    } finally {
      setAmending(false);
    }
  };

  return (
    <Section
      title={t('contractEditor.amend.title')}
      count={amendments.length}
      action={
        onAmend ? (
          <Button
            variant="secondary"
            startIcon={<Duplicate />}
            onClick={() => {
              setTitle(suggested);
              setProblem(null);
              setFailure(null);
              setOpen(true);
            }}
          >
            {t('contractEditor.amend.button')}
          </Button>
        ) : undefined
      }
    >
      {amendments.length === 0 ? (
        <Typography textColor="neutral600">{t('contractEditor.amend.none')}</Typography>
      ) : (
        <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
          {amendments.map((amendment) => (
            <Flex tag="li" key={amendment.documentId} gap={3}>
              <RecordLink to={paths.contractSigning(amendment.documentId)}>
                {amendment.number ? t('home.signature.contract', { number: amendment.number, title: amendment.title }) : amendment.title}
              </RecordLink>
              <StateBadge state={amendment.state} />
            </Flex>
          ))}
        </Flex>
      )}
      <Dialog.Root open={open} onOpenChange={(next) => (next ? undefined : setOpen(false))}>
        <Dialog.Content>
          <Dialog.Header>{t('contractEditor.amend.confirmTitle')}</Dialog.Header>
          <Dialog.Body>
            <Flex direction="column" alignItems="stretch" gap={4} width="100%">
              <Dialog.Description>{t('contractEditor.amend.confirmText')}</Dialog.Description>
              <Box>
                <Field.Root name="title" required error={problem ?? undefined}>
                  <Field.Label>{t('contractEditor.amend.newTitle')}</Field.Label>
                  <TextInput
                    value={title}
                    onChange={(event: ChangeEvent<HTMLInputElement>) => {
                      setTitle(event.target.value);
                      setProblem(null);
                    }}
                  />
                  <Field.Error />
                </Field.Root>
              </Box>
              {failure ? (
                <Alert variant="danger" closeLabel={t('common.close')} onClose={() => setFailure(null)} title={t('contractEditor.amend.failedTitle')}>
                  {failure}
                </Alert>
              ) : null}
            </Flex>
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button fullWidth variant="tertiary" disabled={amending}>
                {t('common.cancel')}
              </Button>
            </Dialog.Cancel>
            <Button fullWidth startIcon={<Duplicate />} loading={amending} onClick={amend}>
              {t('contractEditor.amend.confirm')}
            </Button>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
    </Section>
  );
};
