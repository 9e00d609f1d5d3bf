import { useState, type FormEvent } from 'react';
import { Alert, Button, Field, Flex, Modal, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';

import { INVOICE_LIMITS, PAYMENT_METHODS, recordPaymentRequest, type PaymentMethod, type StaffInvoice } from '../../../../../shared/contracts/admin-invoices';
import { clientiaApi } from '../../../api/client';
import { failureMessage } from '../../../api/failure';
import { formatMoney } from '../../../utils/money';
import { useTranslate } from '../../../utils/useTranslate';
import { priceDecimals, readPaymentAmount, typedAmount, type DecimalSeparator } from '../invoiceForm';

interface RecordPaymentModalProps {
  invoice: StaffInvoice;
  label: string;
  separator: DecimalSeparator;
  open: boolean;
  onClose: () => void;
  onRecorded: (invoice: StaffInvoice, amount: number) => void;
}

type PaymentProblem = 'amount' | 'overBalance' | 'date' | 'tooLong';

/** Today in the staff member's own calendar: the day they are recording the money on. */
const localToday = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/** Money received, typed in the currency's major units ("500" is 500 euros, never 5). */
export const RecordPaymentModal = ({ invoice, label: invoiceLabel, separator, open, onClose, onRecorded }: RecordPaymentModalProps) => {
  const { t, label, locale } = useTranslate();
  const { currency } = invoice;
  const [amount, setAmount] = useState(() => typedAmount(invoice.balance.amount, currency, separator));
  const [receivedOn, setReceivedOn] = useState(localToday);
  const [method, setMethod] = useState<PaymentMethod>('bank_transfer');
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'amount' | 'receivedOn' | 'reference', PaymentProblem>>>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const balance = formatMoney(invoice.balance, locale);

  const problemText = (problem: PaymentProblem | undefined) => {
    if (problem === 'amount') return t('payments.error.amount', { currency, decimals: priceDecimals(currency) });
    if (problem === 'overBalance') return t('payments.error.overBalance', { balance });
    if (problem === 'date') return t('payments.error.date');
    if (problem === 'tooLong') return t('payments.error.tooLong');
    return undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const minor = readPaymentAmount(amount, currency, separator);
    const found: typeof errors = {};
    if (minor === null) found.amount = 'amount';
    else if (minor > invoice.balance.amount) found.amount = 'overBalance';
    if (!recordPaymentRequest.shape.receivedOn.safeParse(receivedOn).success) found.receivedOn = 'date';
    if (reference.trim().length > INVOICE_LIMITS.reference) found.reference = 'tooLong';
    setErrors(found);
    if (Object.keys(found).length || minor === null) return;
    const request = recordPaymentRequest.parse({ amount: minor, receivedOn, method, reference });
    setSaving(true);
    setFailure(null);
    try {
      onRecorded(await clientiaApi.recordPayment(invoice.documentId, request), minor);
    } catch (error) {
      setFailure(failureMessage(error) ?? t('payments.failed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={(next) => (next || saving ? undefined : onClose())}>
      <Modal.Content>
        <Modal.Header closeLabel={t('common.close')}>
          <Modal.Title>{t('payments.modalTitle', { label: invoiceLabel })}</Modal.Title>
        </Modal.Header>
        <form noValidate onSubmit={submit} aria-label={t('payments.modalTitle', { label: invoiceLabel })}>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {failure ? (
                <Alert variant="danger" closeLabel={t('common.close')} onClose={() => setFailure(null)} title={t('payments.failedTitle')}>
                  {failure}
                </Alert>
              ) : null}
              <Field.Root name="amount" required error={problemText(errors.amount)} hint={t('payments.amountHint', { balance })}>
                <Field.Label>{t('payments.amount', { currency })}</Field.Label>
                <TextInput value={amount} inputMode="decimal" autoComplete="off" onChange={(event) => setAmount(event.target.value)} />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
              <Field.Root name="receivedOn" required error={problemText(errors.receivedOn)}>
                <Field.Label>{t('payments.receivedOn')}</Field.Label>
                <TextInput type="date" value={receivedOn} onChange={(event) => setReceivedOn(event.target.value)} />
                <Field.Error />
              </Field.Root>
              <Field.Root name="method" required>
                <Field.Label>{t('payments.method')}</Field.Label>
                <SingleSelect value={method} onChange={(value) => setMethod(String(value) as PaymentMethod)}>
                  {PAYMENT_METHODS.map((value) => (
                    <SingleSelectOption key={value} value={value}>
                      {label('payments.method', value)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
              <Field.Root name="reference" error={problemText(errors.reference)} hint={t('payments.referenceHint')}>
                <Field.Label>{t('payments.reference')}</Field.Label>
                <TextInput value={reference} autoComplete="off" onChange={(event) => setReference(event.target.value)} />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Button variant="tertiary" onClick={onClose} disabled={saving}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('payments.save')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
