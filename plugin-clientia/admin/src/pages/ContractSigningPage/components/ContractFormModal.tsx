import { useState, type FormEvent } from 'react';
import { Alert, Button, Flex, Modal } from '@strapi/design-system';

import type { AdminSigningView } from '../../../../../shared/contracts/signing';
import { failureMessage } from '../../../api/failure';
import { fieldProblems } from '../../../api/fieldFailure';
import { decimalSeparatorOf } from '../../../utils/numbers';
import { useTranslate, type TranslationKey } from '../../../utils/useTranslate';
import {
  checkContractChanges,
  checkNewContract,
  draftFromContract,
  editScopeOf,
  emptyContract,
  type ContractDraft,
  type ContractField,
  type ContractProblem,
} from '../contractForm';
import { clientiaApi } from '../../../api/client';
import { ContractTermsFields } from './ContractTermsFields';

const PROBLEM_KEYS: Record<ContractProblem, TranslationKey> = {
  required: 'contractEditor.error.required',
  tooLong: 'contractEditor.error.tooLong',
  invalidDate: 'contractEditor.error.date',
  endBeforeStart: 'contractEditor.error.endBeforeStart',
  invalidAmount: 'contractEditor.error.amount',
  invalidCurrency: 'contractEditor.error.currency',
  invalid: 'contractEditor.error.invalid',
};

/** Shown while it is rendered: the page mounts it to open it, so each opening starts afresh. */
type ContractFormModalProps = {
  onClose: () => void;
  onSaved: (view: AdminSigningView) => void;
} & ({ mode: 'create'; client: { documentId: string; name: string; currency: string } } | { mode: 'edit'; contract: AdminSigningView['contract'] });

/** A new draft for a client, or a contract's terms (a signed one: its renewal date and notes only). */
export const ContractFormModal = (props: ContractFormModalProps) => {
  const { t, locale } = useTranslate();
  const separator = decimalSeparatorOf(locale);
  const scope = props.mode === 'edit' ? editScopeOf(props.contract.state) : 'terms';
  const [draft, setDraft] = useState<ContractDraft>(() =>
    props.mode === 'edit' ? draftFromContract(props.contract, separator) : emptyContract(props.client.currency)
  );
  const [problems, setProblems] = useState<Partial<Record<ContractField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const edit = <K extends keyof ContractDraft>(field: K, value: ContractDraft[K]) => {
    setDraft((previous) => ({ ...previous, [field]: value }));
    setProblems((previous) => ({ ...previous, [field]: undefined }));
  };

  const showProblems = (errors: Partial<Record<ContractField, ContractProblem>>) =>
    setProblems(Object.fromEntries(Object.entries(errors).map(([field, problem]) => [field, t(PROBLEM_KEYS[problem])])));

  /** The request checked as the server will check it, then sent; null when the form has problems to show first. */
  const save = (): Promise<AdminSigningView> | null => {
    if (props.mode === 'create') {
      const checked = checkNewContract(draft, separator);
      if (!checked.ok) {
        showProblems(checked.errors);
        return null;
      }
      return clientiaApi.createContract(props.client.documentId, checked.request);
    }
    const checked = checkContractChanges(draft, separator, scope);
    if (!checked.ok) {
      showProblems(checked.errors);
      return null;
    }
    return clientiaApi.updateContract(props.contract.documentId, checked.request);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const request = save();
    if (!request) return;
    setSaving(true);
    setFailure(null);
    try {
      props.onSaved(await request);
      props.onClose();
    } catch (error) {
      const byField = fieldProblems(error);
      setProblems(byField);
      if (Object.keys(byField).length === 0) setFailure(failureMessage(error) ?? t('contractEditor.form.failed'));
    } finally {
      setSaving(false);
    }
  };

  const title = props.mode === 'create' ? t('contractEditor.form.newTitle', { client: props.client.name }) : t('contractEditor.form.editTitle', { contract: props.contract.title });

  return (
    <Modal.Root open onOpenChange={(next) => (next ? undefined : props.onClose())}>
      <Modal.Content>
        <Modal.Header closeLabel={t('common.close')}>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <form noValidate onSubmit={submit} aria-label={title}>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {failure ? (
                <Alert variant="danger" closeLabel={t('common.close')} onClose={() => setFailure(null)} title={t('contractEditor.form.failedTitle')}>
                  {failure}
                </Alert>
              ) : null}
              <ContractTermsFields draft={draft} problems={problems} scope={scope} onEdit={edit} />
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Button variant="tertiary" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {props.mode === 'create' ? t('contractEditor.form.create') : t('contractEditor.form.save')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
