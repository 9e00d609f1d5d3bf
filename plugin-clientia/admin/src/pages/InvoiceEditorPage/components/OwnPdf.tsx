import { useState } from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';

import { INVOICE_PDF_MAX_BYTES, type StaffInvoice } from '../../../../../shared/contracts/admin-invoices';
import { clientiaApi } from '../../../api/client';
import { failureMessage } from '../../../api/failure';
import { PdfUpload, type PdfUploadTexts } from '../../../components/PdfUpload';
import { Section } from '../../../components/Section';
import { formatFileSize } from '../../../utils/dates';
import { useTranslate } from '../../../utils/useTranslate';
import type { NoticeType } from './InvoiceEditorView';

interface OwnPdfProps {
  invoice: StaffInvoice;
  /** A draft of a staff member holding the billing action: the PDF can change. */
  editable: boolean;
  notify: (type: NoticeType, message: string) => void;
  onChanged: (invoice: StaffInvoice) => void;
}

const TEXTS: PdfUploadTexts = {
  formLabel: 'invoiceEditor.ownPdf.formLabel',
  choose: 'invoiceEditor.ownPdf.choose',
  replace: 'invoiceEditor.ownPdf.replace',
  hint: 'invoiceEditor.ownPdf.hint',
};

/**
 * The firm's own PDF of the invoice (from its accounting software, say), sent and served to the
 * client instead of the generated one. Uploaded into private storage, never the media library.
 */
export const OwnPdf = ({ invoice, editable, notify, onChanged }: OwnPdfProps) => {
  const { t, locale } = useTranslate();
  const [removing, setRemoving] = useState(false);
  const attached = invoice.attachedPdf;
  if (!attached && !editable) return null;

  const upload = async (file: File) => {
    onChanged(await clientiaApi.attachInvoicePdf(invoice.documentId, file));
    notify('success', t('invoiceEditor.ownPdf.uploaded', { name: file.name }));
  };

  const remove = async () => {
    setRemoving(true);
    try {
      onChanged(await clientiaApi.removeInvoicePdf(invoice.documentId));
      notify('success', t('invoiceEditor.ownPdf.removed'));
    } catch (error) {
      notify('danger', failureMessage(error) ?? t('pdfUpload.failed'));
    } finally {
      setRemoving(false);
    }
  };

  return (
    <Section
      title={t('invoiceEditor.ownPdf.title')}
      action={
        editable && attached ? (
          <Button variant="danger-light" startIcon={<Trash />} loading={removing} onClick={remove}>
            {t('invoiceEditor.ownPdf.remove')}
          </Button>
        ) : null
      }
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography textColor="neutral700">
          {attached
            ? t('invoiceEditor.ownPdf.attached', { name: attached.name ?? '', size: formatFileSize(attached.size, locale) ?? '' })
            : t('invoiceEditor.ownPdf.none')}
        </Typography>
        {editable ? <PdfUpload maxBytes={INVOICE_PDF_MAX_BYTES} replacing={Boolean(attached)} texts={TEXTS} onUpload={upload} /> : null}
      </Flex>
    </Section>
  );
};
