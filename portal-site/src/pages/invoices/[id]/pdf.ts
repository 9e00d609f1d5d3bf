import type { APIRoute } from 'astro';

import { streamDownload } from '../../../lib/server/downloads';
import { portalPage } from '../../../lib/server/portal-page';

/** Only characters every browser and file system keep as they are. */
const safeFileName = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'invoice';

/**
 * The invoice's PDF, streamed from Strapi as the contact's own download. The file is named by the
 * portal (in the contact's language, from the invoice number) rather than passed on from
 * upstream, so nothing but the firm's own wording reaches the client's disk.
 */
export const GET: APIRoute = async (context) => {
  const page = await portalPage(context, { capability: 'billing' });
  if (page instanceof Response) return page;
  const id = context.params.id ?? '';

  const [invoice, pdf] = await Promise.allSettled([page.api.invoice(id), page.api.invoicePdf(id)]);
  if (invoice.status === 'rejected' || pdf.status === 'rejected') {
    // Whichever call failed says why; an opened stream is not left hanging.
    if (pdf.status === 'fulfilled') await pdf.value.body?.cancel();
    return page.fail(invoice.status === 'rejected' ? invoice.reason : (pdf as PromiseRejectedResult).reason);
  }

  const { number, documentId, kind } = invoice.value.data;
  const name = page.t(kind === 'credit_note' ? 'creditNotes.pdf.fileName' : 'invoices.pdf.fileName', { number: number ?? documentId });
  const filename = `${safeFileName(name)}.pdf`;
  return streamDownload(pdf.value, { filename, type: 'application/pdf' });
};
