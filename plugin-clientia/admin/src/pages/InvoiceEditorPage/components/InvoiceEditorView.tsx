import { useState } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Check, Mail, Plus, Trash } from '@strapi/icons';

import type { StaffInvoice } from '../../../../../shared/contracts/admin-invoices';
import { clientiaApi } from '../../../api/client';
import { failureMessage } from '../../../api/failure';
import { formatMoney } from '../../../utils/money';
import { useTranslate } from '../../../utils/useTranslate';
import { checkDraft, decimalSeparatorOf, emptyForm, formFromInvoice, type FormErrors } from '../invoiceForm';
import { ConfirmDialog } from './ConfirmDialog';
import { InvoiceForm } from './InvoiceForm';
import { InvoiceSummary } from './InvoiceSummary';
import { OwnPdf } from './OwnPdf';
import { PdfButtons } from './PdfButtons';
import { RecordPaymentModal } from './RecordPaymentModal';

export type NoticeType = 'success' | 'danger' | 'warning' | 'info';

export interface InvoiceEditorViewProps {
  /** Null for a new invoice, not saved yet. */
  invoice: StaffInvoice | null;
  client: { documentId: string; name: string; currency: string };
  /** The staff member holds the billing action. */
  canManage: boolean;
  notify: (type: NoticeType, message: string) => void;
  /** The invoice as the server answered a change to it. */
  onChanged: (invoice: StaffInvoice) => void;
  /** Another record to open: a new draft once saved, a credit note once made. */
  onOpen: (documentId: string) => void;
}

const FORM_ID = 'clientia-invoice-form';
const OPEN = ['issued', 'overdue', 'partially_paid'];
const CORRECTABLE = ['issued', 'overdue', 'partially_paid', 'paid'];

/**
 * One invoice or credit note: a draft is edited with live totals, an issued one is shown as the
 * client has it, with what can still happen to it (payments, a reminder, a credit note, voiding).
 */
export const InvoiceEditorView = ({ invoice, client, canManage, notify, onChanged, onOpen }: InvoiceEditorViewProps) => {
  const { t, locale } = useTranslate();
  const separator = decimalSeparatorOf(locale);
  const [form, setForm] = useState(() => (invoice ? formFromInvoice(invoice, separator) : emptyForm(client.currency)));
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [paying, setPaying] = useState(false);

  const kind = invoice?.kind ?? 'invoice';
  const creditNote = kind === 'credit_note';
  const editable = canManage && (!invoice || invoice.state === 'draft');
  const label = invoice?.number
    ? t(creditNote ? 'invoiceEditor.title.creditNote' : 'invoiceEditor.title.invoice', { number: invoice.number })
    : t(creditNote ? 'invoiceEditor.title.creditNoteDraft' : 'invoiceEditor.title.draft');

  /** The form once more: errors show from the first attempt to save, and follow each change after it. */
  const check = (next = form, requireLines = false) => {
    setAttempted(true);
    const checked = checkDraft(next, separator, { requireLines });
    setErrors(checked.ok ? null : checked.errors);
    return checked;
  };

  const attempt = async <T,>(run: () => Promise<T>, failed: Parameters<typeof t>[0]): Promise<T | null> => {
    setBusy(true);
    try {
      return await run();
    } catch (error) {
      notify('danger', failureMessage(error) ?? t(failed));
      return null;
    } finally {
      setBusy(false);
    }
  };

  /** Saves the draft (creating it when new); null when the form or the server refused it. */
  const saveDraft = async (requireLines: boolean) => {
    const checked = check(form, requireLines);
    if (!checked.ok) {
      notify('danger', t('invoiceEditor.error.form'));
      return null;
    }
    return attempt(
      () => (invoice ? clientiaApi.saveInvoiceDraft(invoice.documentId, checked.request) : clientiaApi.createInvoice(client.documentId, checked.request)),
      'invoiceEditor.saveFailed'
    );
  };

  const save = async () => {
    const saved = await saveDraft(false);
    if (!saved) return;
    notify('success', t('invoiceEditor.saved'));
    if (!invoice) return onOpen(saved.documentId);
    setForm(formFromInvoice(saved, separator));
    onChanged(saved);
  };

  const issue = async () => {
    const saved = await saveDraft(true);
    if (!saved) return;
    const issued = await attempt(() => clientiaApi.issueInvoice(saved.documentId), 'invoiceEditor.issueFailed');
    if (!issued) {
      // The draft itself was saved: keep what the server has.
      if (invoice) onChanged(saved);
      else onOpen(saved.documentId);
      return;
    }
    notify('success', t('invoiceEditor.issued', { number: issued.number ?? '' }));
    if (invoice) onChanged(issued);
    else onOpen(issued.documentId);
  };

  const voidIt = async () => {
    if (!invoice) return;
    const voided = await attempt(() => clientiaApi.voidInvoice(invoice.documentId), 'invoiceEditor.voidFailed');
    if (!voided) return;
    notify('success', t('invoiceEditor.voided'));
    onChanged(voided);
  };

  const correct = async () => {
    if (!invoice) return;
    const note = await attempt(() => clientiaApi.createCreditNote(invoice.documentId), 'invoiceEditor.creditNoteFailed');
    if (!note) return;
    notify('success', t('invoiceEditor.creditNoteCreated'));
    onOpen(note.documentId);
  };

  const remind = async () => {
    if (!invoice) return;
    const sent = await attempt(() => clientiaApi.sendInvoiceReminder(invoice.documentId), 'invoiceEditor.reminderFailed');
    if (!sent) return;
    if (sent.queued > 0) notify('success', t('invoiceEditor.reminderSent', { count: sent.queued }));
    else if (sent.alreadySent > 0) notify('info', t('invoiceEditor.reminderAlreadySent'));
    else notify('warning', t('invoiceEditor.reminderNobody'));
  };

  const open = invoice !== null && !creditNote && OPEN.includes(invoice.state) && invoice.balance.amount > 0;
  const voidable =
    invoice !== null &&
    invoice.state !== 'void' &&
    (creditNote || invoice.state === 'draft' || (['issued', 'overdue'].includes(invoice.state) && invoice.paid.amount === 0 && invoice.credited.amount === 0));
  const correctedNumber = invoice?.correctedInvoice?.number ?? '';

  const voidButton = voidable ? (
    <ConfirmDialog
      trigger={
        <Button variant="danger-light" startIcon={<Trash />} disabled={busy}>
          {t('invoiceEditor.void')}
        </Button>
      }
      title={t(creditNote ? 'invoiceEditor.void.titleCreditNote' : 'invoiceEditor.void.title')}
      text={creditNote ? t('invoiceEditor.void.textCreditNote', { number: correctedNumber }) : t('invoiceEditor.void.text')}
      confirm={t('invoiceEditor.void.confirm')}
      danger
      onConfirm={voidIt}
    />
  ) : null;

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Flex gap={2} wrap="wrap" role="group" aria-label={t('invoiceEditor.actions')}>
        {editable ? (
          <>
            <Button type="submit" form={FORM_ID} variant="secondary" loading={busy}>
              {t('invoiceEditor.save')}
            </Button>
            <ConfirmDialog
              trigger={
                <Button startIcon={<Check />} disabled={busy}>
                  {t(creditNote ? 'invoiceEditor.issueCreditNote' : 'invoiceEditor.issue')}
                </Button>
              }
              title={t(creditNote ? 'invoiceEditor.issue.titleCreditNote' : 'invoiceEditor.issue.title')}
              text={creditNote ? t('invoiceEditor.issue.textCreditNote', { number: correctedNumber }) : t('invoiceEditor.issue.text')}
              note={t('invoiceEditor.issue.unsaved')}
              confirm={t('invoiceEditor.issue.confirm')}
              onConfirm={issue}
            />
          </>
        ) : null}
        {canManage && open ? (
          <>
            <Button onClick={() => setPaying(true)} disabled={busy}>
              {t('payments.record')}
            </Button>
            <Button variant="secondary" startIcon={<Mail />} onClick={remind} disabled={busy}>
              {t('invoiceEditor.reminder')}
            </Button>
          </>
        ) : null}
        {canManage && invoice && !creditNote && CORRECTABLE.includes(invoice.state) ? (
          <Button variant="secondary" startIcon={<Plus />} onClick={correct} disabled={busy}>
            {t('invoiceEditor.creditNote')}
          </Button>
        ) : null}
        {canManage ? voidButton : null}
        {invoice ? (
          <PdfButtons documentId={invoice.documentId} fileName={`${invoice.number ?? (creditNote ? 'credit-note-draft' : 'invoice-draft')}.pdf`} notify={notify} />
        ) : null}
      </Flex>

      {!canManage ? (
        <Box background="neutral100" hasRadius padding={4}>
          <Typography textColor="neutral600">{t('invoiceEditor.noPermission')}</Typography>
        </Box>
      ) : invoice && !editable && invoice.state !== 'void' ? (
        <Typography textColor="neutral600">{t('invoiceEditor.readOnly')}</Typography>
      ) : null}

      {editable ? (
        <InvoiceForm
          id={FORM_ID}
          kind={kind}
          form={form}
          errors={errors}
          separator={separator}
          disabled={busy}
          onChange={(next) => {
            setForm(next);
            if (attempted) check(next);
          }}
          onSubmit={save}
        />
      ) : invoice ? (
        <InvoiceSummary invoice={invoice} />
      ) : null}

      {invoice ? <OwnPdf invoice={invoice} editable={canManage && invoice.state === 'draft'} notify={notify} onChanged={onChanged} /> : null}

      {invoice && paying ? (
        <RecordPaymentModal
          invoice={invoice}
          label={label}
          separator={separator}
          open
          onClose={() => setPaying(false)}
          onRecorded={(paid, amount) => {
            setPaying(false);
            notify('success', t('payments.recorded', { amount: formatMoney({ amount, currency: invoice.currency }, locale) }));
            onChanged(paid);
          }}
        />
      ) : null}
    </Flex>
  );
};
