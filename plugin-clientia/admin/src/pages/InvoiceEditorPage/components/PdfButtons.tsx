import { useState } from 'react';
import { Button } from '@strapi/design-system';
import { Download, FilePdf } from '@strapi/icons';

import { clientiaApi } from '../../../api/client';
import { failureMessage } from '../../../api/failure';
import { useTranslate } from '../../../utils/useTranslate';
import type { NoticeType } from './InvoiceEditorView';

interface PdfButtonsProps {
  documentId: string;
  fileName: string;
  notify: (type: NoticeType, message: string) => void;
}

/** Long enough for the new tab to have read the file; the object URL is let go after it. */
const OPEN_TAB_GRACE_MS = 60_000;

const saveFile = (url: string, name: string) => {
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.click();
};

/**
 * The invoice's PDF as the client gets it, fetched with the staff member's token (a plain link
 * would carry none). The preview opens in a tab of its own: the admin's Content-Security-Policy
 * lets no frame show a local file, and a firm's app should not have to loosen it for this.
 */
export const PdfButtons = ({ documentId, fileName, notify }: PdfButtonsProps) => {
  const { t } = useTranslate();
  const [busy, setBusy] = useState<'open' | 'download' | null>(null);

  const withFile = async (what: 'open' | 'download') => {
    setBusy(what);
    try {
      const url = URL.createObjectURL(await clientiaApi.getInvoicePdf(documentId));
      if (what === 'download') {
        saveFile(url, fileName);
        URL.revokeObjectURL(url);
        return;
      }
      const tab = window.open(url, '_blank');
      if (!tab) {
        // A blocked pop-up still leaves the staff member with the file.
        saveFile(url, fileName);
        notify('info', t('invoiceEditor.pdf.blocked'));
      }
      window.setTimeout(() => URL.revokeObjectURL(url), OPEN_TAB_GRACE_MS);
    } catch (error) {
      notify('danger', failureMessage(error) ?? t('invoiceEditor.pdf.failed'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Button variant="tertiary" startIcon={<FilePdf />} loading={busy === 'open'} disabled={busy !== null} onClick={() => withFile('open')}>
        {t('invoiceEditor.pdf')}
      </Button>
      <Button variant="tertiary" startIcon={<Download />} loading={busy === 'download'} disabled={busy !== null} onClick={() => withFile('download')}>
        {t('invoiceEditor.pdf.download')}
      </Button>
    </>
  );
};
