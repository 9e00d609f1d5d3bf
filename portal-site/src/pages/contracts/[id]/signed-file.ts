import type { APIRoute } from 'astro';

import { streamDownload } from '../../../lib/server/downloads';
import { portalPage } from '../../../lib/server/portal-page';

/** Only characters every browser and file system keep as they are. */
const safeFileName = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'contract';

/**
 * The completed contract (the signed pages plus the certificate page), once every signatory has
 * signed; before that the API answers 404 and so does the portal. Named by the portal from the
 * contract number, so the copy on the client's disk says what it is.
 */
export const GET: APIRoute = async (context) => {
  const page = await portalPage(context, { capability: 'contracts' });
  if (page instanceof Response) return page;
  const id = context.params.id ?? '';

  const [contract, pdf] = await Promise.allSettled([page.api.contract(id), page.api.signedContractFile(id)]);
  if (contract.status === 'rejected' || pdf.status === 'rejected') {
    // Whichever call failed says why; an opened stream is not left hanging.
    if (pdf.status === 'fulfilled') await pdf.value.body?.cancel();
    return page.fail(contract.status === 'rejected' ? contract.reason : (pdf as PromiseRejectedResult).reason);
  }

  const number = contract.value.data.number ?? contract.value.data.documentId;
  return streamDownload(pdf.value, { filename: `${safeFileName(number)}-signed.pdf`, type: 'application/pdf' });
};
