import type { APIRoute } from 'astro';

import { streamDownload } from '../../../lib/server/downloads';
import { portalPage } from '../../../lib/server/portal-page';
import { framedDocumentHeaders } from '../../../lib/server/security-headers';

const isPdf = (response: Response) => /^application\/pdf\s*(;|$)/i.test(response.headers.get('content-type') ?? '');

/**
 * The contract's PDF, streamed from the API as a download under the contract's own number. With
 * `inline=1` it is shown in the browser instead, so the signing page can frame the exact document
 * the signatory signs; only a PDF is ever shown that way, and only inside the portal's own pages.
 */
export const GET: APIRoute = async (context) => {
  const page = await portalPage(context, { capability: 'contracts' });
  if (page instanceof Response) return page;

  let upstream: Response;
  try {
    upstream = await page.api.contractFile(context.params.id ?? '');
  } catch (error) {
    return page.fail(error);
  }

  const response = streamDownload(upstream, { type: 'application/pdf', fallbackName: 'contract.pdf' });
  if (context.url.searchParams.get('inline') !== '1' || !isPdf(response)) return response;

  const disposition = response.headers.get('content-disposition') ?? 'attachment';
  response.headers.set('content-disposition', disposition.replace(/^\s*attachment\b/i, 'inline'));
  for (const [name, value] of Object.entries(framedDocumentHeaders())) response.headers.set(name, value);
  return response;
};
