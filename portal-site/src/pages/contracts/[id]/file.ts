import type { APIRoute } from 'astro';

import { streamDownload } from '../../../lib/server/downloads';
import { portalPage } from '../../../lib/server/portal-page';

/** The contract's PDF, streamed from the API as a download under the contract's own number. */
export const GET: APIRoute = async (context) => {
  const page = await portalPage(context, { capability: 'contracts' });
  if (page instanceof Response) return page;

  let upstream: Response;
  try {
    upstream = await page.api.contractFile(context.params.id ?? '');
  } catch (error) {
    return page.fail(error);
  }

  return streamDownload(upstream, { type: 'application/pdf', fallbackName: 'contract.pdf' });
};
