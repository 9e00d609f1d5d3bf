import type { APIRoute } from 'astro';

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
    const answer = await page.fail(invoice.status === 'rejected' ? invoice.reason : (pdf as PromiseRejectedResult).reason);
    // A download link that leads nowhere shows the branded not-found page, as a page would.
    return answer.status === 404 ? context.rewrite('/404') : answer;
  }

  const upstream = pdf.value;
  const number = invoice.value.data.number ?? invoice.value.data.documentId;
  const filename = `${safeFileName(page.t('invoices.pdf.fileName', { number }))}.pdf`;
  const headers = new Headers({
    'content-type': upstream.headers.get('content-type') ?? 'application/pdf',
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
  const length = upstream.headers.get('content-length');
  if (length) headers.set('content-length', length);
  return new Response(upstream.body, { status: 200, headers });
};
