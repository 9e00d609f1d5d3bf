import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Alert, Box, Button, Checkbox, Dialog, Field, Flex, IconButton, Toggle, Typography } from '@strapi/design-system';
import { ArrowDown, ArrowUp, PaperPlane } from '@strapi/icons';

import type { AdminSigningView, SendContractRequest, SigningCandidate } from '../../../../../shared/contracts/signing';
import { failureMessage } from '../../../api/failure';
import { Section } from '../../../components/Section';
import { useTranslate } from '../../../utils/useTranslate';
import { buildSendRequest, initialOrder, MAX_SIGNATORIES, moveSignatory, toggleSignatory, type MoveDirection } from '../signing';

interface SendForSignatureProps {
  view: AdminSigningView;
  /** Sending needs the permission to manage records; without it the form only shows the choice. */
  canManage: boolean;
  onSend: (request: SendContractRequest) => Promise<void>;
}

const candidateName = (candidate: SigningCandidate | undefined, fallback: string) => candidate?.name ?? candidate?.email ?? fallback;

const CandidateOption = ({
  candidate,
  chosen,
  disabled,
  onToggle,
}: {
  candidate: SigningCandidate;
  chosen: boolean;
  disabled: boolean;
  onToggle: (chosen: boolean) => void;
}) => {
  const { t, label } = useTranslate();
  const hintId = `signatory-hint-${candidate.documentId}`;
  const details = [candidate.email, label('role', candidate.role)].filter(Boolean).join(' · ');
  return (
    <Flex tag="li" direction="column" alignItems="flex-start" gap={1} data-eligible={candidate.eligible}>
      <Checkbox
        checked={chosen}
        disabled={disabled || !candidate.eligible}
        onCheckedChange={(checked) => onToggle(checked === true)}
        aria-describedby={hintId}
      >
        {candidate.name ?? candidate.email ?? t('signing.send.unnamed')}
      </Checkbox>
      <Box paddingLeft={6}>
        {/* Grey, not amber: the design system's amber reads at 3:1 on white; the words say why the contact cannot sign. */}
        <Typography id={hintId} variant="pi" textColor="neutral600">
          {candidate.eligible ? details : t('signing.send.ineligible', { details })}
        </Typography>
      </Box>
    </Flex>
  );
};

/** Staff choose who signs and in which order; sending fixes the PDF's SHA-256 and e-mails the first signers. */
export const SendForSignature = ({ view, canManage, onSend }: SendForSignatureProps) => {
  const { t } = useTranslate();
  const [order, setOrder] = useState(() => initialOrder(view));
  const [sequential, setSequential] = useState(view.contract.sequentialSigning);
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);

  const byId = new Map(view.candidates.map((candidate) => [candidate.documentId, candidate]));
  const unnamed = t('signing.send.unnamed');

  const choose = (documentId: string, chosen: boolean) => {
    setOrder((previous) => toggleSignatory(previous, documentId, chosen));
    setProblem(null);
  };

  const move = (index: number, direction: MoveDirection) => setOrder((previous) => moveSignatory(previous, index, direction));

  const askToConfirm = (event: FormEvent) => {
    event.preventDefault();
    const checked = buildSendRequest(order, sequential, view.candidates);
    if (!checked.ok) {
      setProblem(t(`signing.send.${checked.problem}`, { max: MAX_SIGNATORIES }));
      return;
    }
    setFailure(null);
    setConfirming(true);
  };

  const send = async () => {
    const checked = buildSendRequest(order, sequential, view.candidates);
    if (!checked.ok) return;
    setSending(true);
    try {
      await onSend(checked.request);
      setConfirming(false);
    } catch (error) {
      setConfirming(false);
      setFailure(failureMessage(error) ?? t('signing.send.failed'));
    } finally {
      setSending(false);
    }
  };

  const contractLabel = view.contract.number ? `${view.contract.number} · ${view.contract.title}` : view.contract.title;

  return (
    <Section title={t('signing.send.title')}>
      <Box tag="form" noValidate onSubmit={askToConfirm} aria-label={t('signing.send.title')}>
        <Flex direction="column" alignItems="stretch" gap={5}>
          {failure ? (
            <Alert variant="danger" closeLabel={t('common.close')} onClose={() => setFailure(null)} title={t('signing.send.failedTitle')}>
              {failure}
            </Alert>
          ) : null}
          <Typography tag="p" textColor="neutral700">
            {t('signing.send.intro')}
          </Typography>

          <Box tag="fieldset" borderWidth={0} padding={0} margin={0}>
            <Typography tag="legend" variant="sigma" textColor="neutral600">
              {t('signing.send.candidates')}
            </Typography>
            {view.candidates.length === 0 ? (
              <Box paddingTop={2}>
                <Typography textColor="neutral600">{t('signing.send.noCandidates')}</Typography>
              </Box>
            ) : (
              <Flex tag="ul" direction="column" alignItems="stretch" gap={3} paddingTop={3}>
                {view.candidates.map((candidate) => (
                  <CandidateOption
                    key={candidate.documentId}
                    candidate={candidate}
                    chosen={order.includes(candidate.documentId)}
                    disabled={!canManage || sending}
                    onToggle={(chosen) => choose(candidate.documentId, chosen)}
                  />
                ))}
              </Flex>
            )}
            {problem ? (
              <Box paddingTop={2}>
                <Typography variant="pi" textColor="danger600" role="alert">
                  {problem}
                </Typography>
              </Box>
            ) : null}
          </Box>

          {order.length > 0 ? (
            <Box>
              <Typography tag="h3" variant="sigma" textColor="neutral600" id="signing-order-heading">
                {t('signing.send.order')}
              </Typography>
              <Flex tag="ol" direction="column" alignItems="stretch" gap={2} paddingTop={3} aria-labelledby="signing-order-heading">
                {order.map((documentId, index) => {
                  const name = candidateName(byId.get(documentId), unnamed);
                  return (
                    <Flex
                      tag="li"
                      key={documentId}
                      gap={3}
                      padding={3}
                      hasRadius
                      background="neutral100"
                      justifyContent="space-between"
                      data-signatory={documentId}
                    >
                      <Flex gap={3}>
                        <Typography fontWeight="bold" textColor="neutral600">
                          {t('signing.send.position', { position: index + 1 })}
                        </Typography>
                        <Typography>{name}</Typography>
                      </Flex>
                      <Flex gap={1}>
                        <IconButton
                          label={t('signing.send.moveUp', { name })}
                          variant="ghost"
                          disabled={!canManage || sending || index === 0}
                          onClick={() => move(index, 'up')}
                        >
                          <ArrowUp />
                        </IconButton>
                        <IconButton
                          label={t('signing.send.moveDown', { name })}
                          variant="ghost"
                          disabled={!canManage || sending || index === order.length - 1}
                          onClick={() => move(index, 'down')}
                        >
                          <ArrowDown />
                        </IconButton>
                      </Flex>
                    </Flex>
                  );
                })}
              </Flex>
            </Box>
          ) : null}

          <Field.Root name="sequential" hint={t('signing.send.sequentialHint')}>
            <Field.Label>{t('signing.send.sequential')}</Field.Label>
            <Toggle
              checked={sequential}
              onLabel={t('signing.send.sequentialOn')}
              offLabel={t('signing.send.sequentialOff')}
              disabled={!canManage || sending}
              onChange={(event: ChangeEvent<HTMLInputElement>) => setSequential(event.target.checked)}
            />
            <Field.Hint />
          </Field.Root>

          <Flex justifyContent="space-between" alignItems="center" gap={4}>
            <Typography variant="pi" textColor="neutral600">
              {canManage ? t('signing.send.fixedOnSend') : t('signing.send.readOnly')}
            </Typography>
            <Button type="submit" startIcon={<PaperPlane />} disabled={!canManage || order.length === 0} loading={sending}>
              {t('signing.send.submit')}
            </Button>
          </Flex>
        </Flex>
      </Box>

      <Dialog.Root open={confirming} onOpenChange={(open) => (open ? undefined : setConfirming(false))}>
        <Dialog.Content>
          <Dialog.Header>{t('signing.send.confirmTitle')}</Dialog.Header>
          <Dialog.Body>
            <Flex direction="column" alignItems="stretch" gap={2}>
              <Dialog.Description>
                {t('signing.send.confirmText', { count: order.length, contract: contractLabel })}
              </Dialog.Description>
              <Typography tag="p" textColor="neutral600">
                {t(sequential && order.length > 1 ? 'signing.send.confirmSequential' : 'signing.send.confirmParallel')}
              </Typography>
            </Flex>
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button fullWidth variant="tertiary" disabled={sending}>
                {t('common.cancel')}
              </Button>
            </Dialog.Cancel>
            <Button fullWidth startIcon={<PaperPlane />} loading={sending} onClick={send}>
              {t('signing.send.confirm')}
            </Button>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
    </Section>
  );
};
