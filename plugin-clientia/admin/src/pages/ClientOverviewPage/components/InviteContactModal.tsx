import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Field, Flex, Modal, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';

import { PORTAL_ROLES } from '../../../../../shared/contracts/portal';
import { clientiaApi, type InvitationIssued } from '../../../api/client';
import { failureMessage } from '../../../api/failure';
import { useTranslate } from '../../../utils/useTranslate';
import { EMPTY_INVITE, checkInvite, type InviteDraft, type InviteErrors, type InviteProblem } from '../invite';
import { InvitationLink } from './InvitationLink';

interface InviteContactModalProps {
  clientDocumentId: string;
  clientName: string;
  open: boolean;
  onClose: () => void;
  /** Called once an invitation exists, so the page can show the new contact. */
  onInvited: () => void;
}

const PROBLEM_KEYS = {
  required: 'invite.error.required',
  invalidEmail: 'invite.error.email',
  tooLong: 'invite.error.tooLong',
  invalidRole: 'invite.error.role',
} as const satisfies Record<InviteProblem, string>;

export const InviteContactModal = ({ clientDocumentId, clientName, open, onClose, onInvited }: InviteContactModalProps) => {
  const { t, label } = useTranslate();
  const [draft, setDraft] = useState<InviteDraft>(EMPTY_INVITE);
  const [errors, setErrors] = useState<InviteErrors>({});
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<InvitationIssued | null>(null);

  const close = () => {
    setDraft(EMPTY_INVITE);
    setErrors({});
    setFailure(null);
    setInvitation(null);
    onClose();
  };

  const edit = <K extends keyof InviteDraft>(field: K, value: InviteDraft[K]) => {
    setDraft((previous) => ({ ...previous, [field]: value }));
    if (field in errors) setErrors((previous) => ({ ...previous, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkInvite(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setSending(true);
    setFailure(null);
    try {
      const issued = await clientiaApi.inviteContact(clientDocumentId, checked.request);
      setInvitation(issued);
      onInvited();
    } catch (error) {
      setFailure(failureMessage(error) ?? t('invite.failed'));
    } finally {
      setSending(false);
    }
  };

  const problem = (field: keyof InviteErrors) => {
    const found = errors[field];
    return found ? t(PROBLEM_KEYS[found]) : undefined;
  };

  return (
    <Modal.Root open={open} onOpenChange={(next) => (next ? undefined : close())}>
      <Modal.Content>
        <Modal.Header closeLabel={t('common.close')}>
          <Modal.Title>{t('invite.title', { client: clientName })}</Modal.Title>
        </Modal.Header>
        {invitation ? (
          <>
            <Modal.Body>
              <InvitationLink invitation={invitation} />
            </Modal.Body>
            <Modal.Footer>
              <span />
              <Button onClick={close}>{t('invite.done')}</Button>
            </Modal.Footer>
          </>
        ) : (
          <form noValidate onSubmit={submit} aria-label={t('invite.title', { client: clientName })}>
            <Modal.Body>
              <Flex direction="column" alignItems="stretch" gap={4}>
                {failure ? (
                  <Alert variant="danger" closeLabel={t('common.close')} onClose={() => setFailure(null)} title={t('invite.failedTitle')}>
                    {failure}
                  </Alert>
                ) : null}
                <Field.Root name="name" required error={problem('name')}>
                  <Field.Label>{t('invite.name')}</Field.Label>
                  <TextInput value={draft.name} onChange={(event) => edit('name', event.target.value)} autoComplete="off" />
                  <Field.Error />
                </Field.Root>
                <Field.Root name="email" required error={problem('email')}>
                  <Field.Label>{t('invite.email')}</Field.Label>
                  <TextInput type="email" value={draft.email} onChange={(event) => edit('email', event.target.value)} autoComplete="off" />
                  <Field.Error />
                </Field.Root>
                <Field.Root name="role" required error={problem('role')} hint={t('invite.roleHint')}>
                  <Field.Label>{t('invite.role')}</Field.Label>
                  <SingleSelect
                    value={draft.role || null}
                    placeholder={t('invite.rolePlaceholder')}
                    onChange={(value) => edit('role', String(value))}
                  >
                    {PORTAL_ROLES.map((role) => (
                      <SingleSelectOption key={role} value={role}>
                        {label('role', role)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
                <Checkbox checked={draft.signatory} onCheckedChange={(checked) => edit('signatory', checked === true)}>
                  {t('invite.signatory')}
                </Checkbox>
              </Flex>
            </Modal.Body>
            <Modal.Footer>
              <Button variant="tertiary" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={sending}>
                {t('invite.send')}
              </Button>
            </Modal.Footer>
          </form>
        )}
      </Modal.Content>
    </Modal.Root>
  );
};
